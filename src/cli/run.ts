import { Command, CommanderError } from 'commander';
import type { CliIo } from './CliIo';
import { COMMANDS } from './commands/index';
import { ExitCode } from './ExitCode';
import { handleError } from './handleError';
import { requireVerbPeers } from './requireVerbPeers';

const DESCRIPTION = `Contract tests, fixtures, generators, a reference provider and a fuzzer for one Microsoft Graph call:
POST /deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/userStatuses`;

const FOOTER = `
Run "npx user-status-contracts <command> --help" for a command's options and examples.
Exit codes: 0 clean, 1 findings or invalid input, 2 usage or connection errors.`;

/** Runs the CLI with arguments (without `node` and the script) and resolves to its exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.Ok;
  const context = { io, setExitCode: (code: ExitCode) => (exitCode = code) };
  const program = new Command('user-status-contracts')
    .description(DESCRIPTION)
    .version(version(), '-V, --version', 'print the version')
    .addHelpText('after', FOOTER)
    // Before any verb's action: a verb whose optional peer is missing says how to add it.
    .hook('preAction', (_program, verb) => requireVerbPeers(verb.name(), verb.opts()));
  for (const makeCommand of COMMANDS) program.addCommand(makeCommand(context));
  configure(program, io);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return ExitCode.Usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return ExitCode.Ok;
    return handleError(error, io);
  }
}

function configure(command: Command, io: CliIo): void {
  command
    .exitOverride()
    .showSuggestionAfterError(true)
    .showHelpAfterError('Run with --help to see the options.')
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
    });
  for (const sub of command.commands) configure(sub, io);
}

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}
