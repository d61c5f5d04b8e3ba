import { parseCliArgs } from './parseCliArgs';
import type { ShellPipeline } from './shellCommands';

/** Commands other than `npx user-status-contracts` that pages may show, by their first words. */
export const ALLOWED_COMMANDS: readonly (readonly string[])[] = [
  ['npm', 'ci'],
  ['npm', 'start'],
  ['npm', 'test'],
  ['npm', 'pack'],
  ['npm', 'install'],
  ['npm', 'run'],
  ['npx', 'jest'],
  ['npx', 'vitest'],
  ['npx', '--yes', '--package=@pact-foundation/pact-cli', 'pact-broker'],
  ['export'],
  ['cd'],
  ['curl'],
  ['timeout'],
  ['until'],
  ['do'],
  ['done'],
  ['sleep'],
];

/** The words of a command that runs the CLI, after `npx user-status-contracts`, or undefined. */
export function cliArgsOf(words: readonly string[]): string[] | undefined {
  const start = words.findIndex((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
  const [first, second] = words.slice(start);
  if (first === 'npx' && second === 'user-status-contracts') return words.slice(start + 2);
  return undefined;
}

/** Problems of one shell pipeline: a bare bin, a command off the allow-list, arguments the CLI refuses. */
export function shellPipelineProblems(pipeline: ShellPipeline): string[] {
  const problems: string[] = [];
  for (const words of pipeline.commands) {
    const assignmentsEnd = words.findIndex((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
    const command = words.slice(assignmentsEnd < 0 ? words.length : assignmentsEnd);
    if (command.length === 0) continue;
    if (command[0] === 'user-status-contracts') {
      problems.push(`line ${pipeline.line}: write "npx user-status-contracts", which pastes as is`);
      continue;
    }
    const args = cliArgsOf(words);
    if (args !== undefined) {
      const error = parseCliArgs(args);
      if (error !== undefined) problems.push(`line ${pipeline.line}: ${args.join(' ')}: ${error}`);
      continue;
    }
    const allowed = ALLOWED_COMMANDS.some((prefix) =>
      prefix.every((word, index) => command[index] === word),
    );
    if (!allowed)
      problems.push(`line ${pipeline.line}: "${command.join(' ')}" is not on the allow-list`);
  }
  return problems;
}
