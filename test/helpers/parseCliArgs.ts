import { Readable, Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import type { CliIo } from '../../src/cli/CliIo';
import { COMMANDS } from '../../src/cli/commands/index';

const QUIET_IO: CliIo = {
  stdin: Readable.from([]),
  stdoutStream: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
  stdout: () => undefined,
  stderr: () => undefined,
  isTTY: false,
  env: {},
  interrupted: new Promise<void>(() => undefined),
};

/** The CLI's own verbs, built as `run` builds them, each with its action replaced by nothing. */
export function dryProgram(): Command {
  const program = new Command('user-status-contracts').version('0.0.0', '-V, --version');
  for (const makeCommand of COMMANDS) {
    program.addCommand(
      makeCommand({ io: QUIET_IO, setExitCode: () => undefined }).action(() => undefined),
    );
  }
  const configure = (command: Command): void => {
    command
      .exitOverride()
      .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
    for (const sub of command.commands) configure(sub);
  };
  configure(program);
  return program;
}

/**
 * Parses `user-status-contracts ...argv` with the CLI's own commander program, running no verb:
 * the error commander gives (an unknown verb or flag, a missing value, a bad choice), or
 * `undefined` when the arguments parse (`--help` included).
 */
export function parseCliArgs(argv: readonly string[]): string | undefined {
  try {
    dryProgram().parse([...argv], { from: 'user' });
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? undefined : error.message;
    throw error;
  }
}
