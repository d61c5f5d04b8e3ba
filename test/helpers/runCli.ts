import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/CliIo';
import type { ExitCode } from '../../src/cli/ExitCode';
import { run } from '../../src/cli/run';

/** Options of `runCli`. */
export interface RunCliOptions {
  /**
   * Text served on standard input (read by `-` arguments).
   * @defaultValue `''` (an empty, already ended stream)
   */
  readonly stdin?: string;
  /**
   * The environment the CLI sees; the real process environment is never passed through.
   * @defaultValue `{}`
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Whether standard error claims to be a terminal.
   * @defaultValue `false`
   */
  readonly isTTY?: boolean;
  /**
   * Whether standard input claims to be a terminal (then `stdin` is ignored).
   * @defaultValue `false`
   */
  readonly stdinIsTTY?: boolean;
  /**
   * Resolves when the run should stop, as Ctrl-C would (for long-running verbs such as `serve`).
   * @defaultValue a promise that never resolves
   */
  readonly interrupted?: Promise<void>;
}

/** What a CLI run produced: its exit code and everything written to each stream. */
export interface CliRunResult {
  readonly code: ExitCode;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in this process, as `user-status-contracts ...argv` would, with buffered IO. Output
 * written through `io.stdout` and `io.stdoutStream` lands in one `stdout` string, in order.
 * @example
 * const { code, stdout } = await runCli(['validate', '-'], { stdin: '{}\n' });
 */
export async function runCli(
  argv: readonly string[],
  options: RunCliOptions = {},
): Promise<CliRunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutStream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      out.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      callback();
    },
  });
  const stdin = Readable.from(options.stdin === undefined ? [] : [options.stdin]);
  // As process.stdin is on a terminal: a tty.ReadStream says so with `isTTY`.
  if (options.stdinIsTTY === true) Object.assign(stdin, { isTTY: true });
  const io: CliIo = {
    stdin,
    stdoutStream,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    interrupted: options.interrupted ?? new Promise<void>(() => undefined),
  };
  const code = await run(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}
