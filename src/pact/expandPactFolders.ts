import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors';
import { isHttpUrl } from './isHttpUrl';

/**
 * Replaces each folder among pact sources with the `.json` files in it, sorted by name; files and
 * URLs stay as they are. Pact's core would try every file in a folder, a `.gitkeep` or a README
 * included, and fail on them.
 * @throws InputError for a folder that holds no `.json` file.
 * @example
 * await expandPactFolders(['pacts']); // ['pacts/a-graph-user-statuses.json', ...]
 */
export async function expandPactFolders(sources: readonly string[]): Promise<string[]> {
  const expanded: string[] = [];
  for (const source of sources) {
    if (isHttpUrl(source) || !(await isDirectory(source))) {
      expanded.push(source);
      continue;
    }
    const files = (await readdir(source)).filter((name) => name.endsWith('.json')).sort();
    if (files.length === 0) {
      throw new InputError(source, `the folder ${source} holds no pact (.json) file`);
    }
    expanded.push(...files.map((name) => join(source, name)));
  }
  return expanded;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
