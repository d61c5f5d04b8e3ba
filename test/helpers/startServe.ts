import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/CliIo';
import type { ExitCode } from '../../src/cli/ExitCode';
import { run } from '../../src/cli/run';

/** A `serve` run in this process, with its output readable while it runs. */
export interface ServeRun {
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the base URL once the banner is printed (rejects if the run ends first). */
  readonly url: Promise<string>;
  /** Ctrl-C: resolves the run's `interrupted`. */
  readonly interrupt: () => void;
  readonly done: Promise<ExitCode>;
  /** Ctrl-C, then the run's exit code. */
  readonly stop: () => Promise<ExitCode>;
}

/**
 * Runs `serve` with `args` in this process (no build needed), reading its banner for the URL.
 * @example
 * const serve = startServe(['--port', '0']);
 * const url = await serve.url;
 */
export function startServe(args: readonly string[]): ServeRun {
  const out: string[] = [];
  const err: string[] = [];
  let interrupt: () => void = () => undefined;
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  let announce: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => (announce = resolve));
  const io: CliIo = {
    stdin: Readable.from([]),
    stdoutStream: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
    stdout: (text) => {
      out.push(text);
      const found = /listening on (http:\/\/\S+)/.exec(text)?.[1];
      if (found !== undefined) announce(found);
    },
    stderr: (text) => void err.push(text),
    isTTY: false,
    env: {},
    interrupted,
  };
  const done = run(['serve', ...args], io);
  return {
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    url: Promise.race([
      url,
      done.then((code) => {
        throw new Error(`serve ended with ${code} before listening: ${err.join('')}`);
      }),
    ]),
    interrupt,
    done,
    stop: async () => {
      interrupt();
      return done;
    },
  };
}
