import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors';
import type { ReportTargets } from './fuzzFlags';

/**
 * Checks, before a run starts, that every file the run will write at its end can be written, so a
 * long campaign does not end in "cannot write". Creates nothing: the files are written only later.
 */
export async function ensureOutputsWritable(
  reports: ReportTargets,
  saveFailures: string | false,
  saveBaseline?: string,
): Promise<void> {
  const outputs: Array<[flag: string, path: string]> = [];
  if (saveBaseline !== undefined) outputs.push([`--save-baseline ${saveBaseline}`, saveBaseline]);
  if (reports.json !== undefined) outputs.push([`--report json=${reports.json}`, reports.json]);
  if (reports.junit !== undefined) outputs.push([`--report junit=${reports.junit}`, reports.junit]);
  if (saveFailures !== false) outputs.push([`--save-failures ${saveFailures}`, saveFailures]);
  for (const [flag, path] of outputs) {
    const problem = await whyNotWritable(path);
    if (problem !== undefined) throw new UsageError(`cannot write ${flag}: ${problem}`);
  }
}

async function whyNotWritable(path: string): Promise<string | undefined> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) return 'it is a directory; name a file';
  if (existing !== undefined) {
    return (await canAccess(path, constants.W_OK))
      ? undefined
      : 'permission denied; choose another path';
  }
  const directory = dirname(resolve(path));
  const parent = await stat(directory).catch(() => undefined);
  if (parent === undefined) return `the directory ${directory} does not exist; create it first`;
  if (!parent.isDirectory()) return `${directory} is not a directory`;
  return (await canAccess(directory, constants.W_OK | constants.X_OK))
    ? undefined
    : `permission denied in ${directory}; choose another path`;
}

async function canAccess(path: string, mode: number): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}
