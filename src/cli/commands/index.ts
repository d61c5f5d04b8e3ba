import type { Command } from 'commander';
import type { CommandContext } from '../CommandContext';
import { generateCommand } from './generate';
import { validateCommand } from './validate';

/** Every verb of the CLI, in the order `--help` lists them. Each verb lives in its own file. */
export const COMMANDS: ReadonlyArray<(context: CommandContext) => Command> = [
  validateCommand,
  generateCommand,
];
