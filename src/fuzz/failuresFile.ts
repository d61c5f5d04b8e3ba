import { writeFile } from 'node:fs/promises';
import { InputError } from '../errors';
import type { FuzzFinding, FuzzReport } from './FuzzReport';
import { readJsonFile } from './_internals/readJsonFile';

/** The format of a saved failures file (`fuzz --replay FILE` reads it back). */
export interface FailuresFile {
  readonly format: 'user-status-contracts/fuzz-failures';
  /** 2 since findings carry an `id` (their fingerprint); version 1 files still replay. */
  readonly version: 1 | 2;
  readonly target: FuzzReport['target'];
  /** The campaign's seed (`--seed` runs the same campaign again). */
  readonly seed: number;
  readonly findings: readonly FuzzFinding[];
}

/** Saves a run's findings so `fuzz --replay` can re-run them later. */
export async function saveFailures(path: string, report: FuzzReport): Promise<void> {
  const file: FailuresFile = {
    format: 'user-status-contracts/fuzz-failures',
    version: 2,
    target: report.target,
    seed: report.seed,
    findings: report.findings,
  };
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`);
}

/** Reads a failures file written by `saveFailures`, with a clear error when it is not one. */
export async function loadFailures(path: string): Promise<FailuresFile> {
  const parsed = await readJsonFile(path, 'the failures file', () => 'fuzz');
  const file = parsed as Partial<FailuresFile> | null;
  if (file?.format !== 'user-status-contracts/fuzz-failures' || !Array.isArray(file.findings)) {
    throw new InputError(
      path,
      `${path} is not a failures file written by fuzz (no "format": "user-status-contracts/fuzz-failures")`,
    );
  }
  if (typeof file.target?.baseUrl !== 'string' || typeof file.target.policyId !== 'string') {
    throw new InputError(
      path,
      `${path} has no "target" with a "baseUrl" and a "policyId"; pass a file written by fuzz`,
    );
  }
  return file as FailuresFile;
}
