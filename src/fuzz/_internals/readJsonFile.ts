import { readFile } from 'node:fs/promises';
import { InputError, type OptionMessage } from '../../errors';

/**
 * Reads and parses a JSON file the toolkit wrote earlier (a failures file, a baseline), with a
 * clear `InputError` when it is missing, unreadable or not JSON. `writtenBy` names what writes such
 * a file, for the hint (an option the CLI renders as its flag).
 */
export async function readJsonFile(
  path: string,
  what: string,
  writtenBy: OptionMessage,
): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      path,
      (name) =>
        `cannot read ${what} ${path}: ${code === 'ENOENT' ? `no such file (${writtenBy(name)} writes one)` : String(error)}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(
      path,
      (name) =>
        `${path} is not JSON (${(error as Error).message}); pass a file written by ${writtenBy(name)}`,
    );
  }
}
