import { CommanderError } from 'commander';
import {
  ConnectionError,
  InputError,
  MissingPeerError,
  OutputError,
  UsageError,
  UserStatusContractsError,
} from '../errors';
import type { CliIo } from './CliIo';
import { ExitCode } from './ExitCode';
import { optionFlag } from './optionFlags';

/**
 * The one place that turns an error into a message and an exit code. Known errors get a sentence
 * that names the problem and what to do; anything else is a bug, reported without a stack trace
 * unless `DEBUG` is set.
 */
export function handleError(error: unknown, io: CliIo): ExitCode {
  if (error instanceof CommanderError) {
    // Commander has already printed its own message (unknown option, missing argument, ...).
    if (error.exitCode === 0) return ExitCode.Ok;
    return ExitCode.Usage;
  }
  if (!(error instanceof UserStatusContractsError)) return handleUnknownError(error, io);
  // The library names option fields (`baseUrl`); the CLI says its flags (`--base-url`).
  const message = error.messageNaming(optionFlag);
  if (error instanceof UsageError) {
    io.stderr(`error: ${message}\nRun with --help to see the options.\n`);
    return ExitCode.Usage;
  }
  // Bad input, an unwritable output, an unreachable server or a missing peer: exit 2.
  if (
    error instanceof InputError ||
    error instanceof OutputError ||
    error instanceof ConnectionError ||
    error instanceof MissingPeerError
  ) {
    io.stderr(`error: ${message}\n`);
    return ExitCode.Usage;
  }
  io.stderr(`error [${error.code}]: ${message}\n`);
  return ExitCode.Findings;
}

function handleUnknownError(error: unknown, io: CliIo): ExitCode {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(
    `internal error: ${message}\nThis is a bug in user-status-contracts; please report it with the command you ran.\n`,
  );
  if (io.env['DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return ExitCode.Usage;
}
