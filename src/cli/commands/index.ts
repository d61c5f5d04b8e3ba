import type { Command } from 'commander';
import type { CommandContext } from '../CommandContext';
import { checkCommand } from './check';
import { compareCommand } from './compare';
import { fuzzCommand } from './fuzz';
import { generateCommand } from './generate';
import { serveCommand } from './serve';
import { validateCommand } from './validate';
import { verifyCommand } from './verify';

/** Every verb of the CLI, in the order `--help` lists them. Each verb lives in its own file. */
export const COMMANDS: ReadonlyArray<(context: CommandContext) => Command> = [
  validateCommand,
  generateCommand,
  serveCommand,
  verifyCommand,
  compareCommand,
  fuzzCommand,
  checkCommand,
];
