import { writeFile } from 'node:fs/promises';
import { InputError } from '../errors';
import type { FuzzFinding, FuzzReport } from './FuzzReport';
import { readJsonFile } from './_internals/readJsonFile';

/** One known finding in a baseline: its fingerprint and enough to recognise it by eye. */
export type BaselineEntry = Pick<
  FuzzFinding,
  'id' | 'check' | 'level' | 'rule' | 'pointer' | 'keyword' | 'message'
>;

/** The format of a findings baseline (`saveBaseline` writes it, `loadBaseline` reads it). */
export interface BaselineFile {
  readonly format: 'user-status-contracts/fuzz-baseline';
  readonly version: 1;
  readonly findings: readonly BaselineEntry[];
}

/** A run's findings against a baseline. */
export interface BaselineComparison {
  /** Findings the baseline does not list: only these can fail the run. */
  readonly fresh: readonly FuzzFinding[];
  /** Findings the baseline lists: reported, never failing. */
  readonly known: readonly FuzzFinding[];
  /** Baseline entries this run did not see although their check judged cases: fixed. */
  readonly fixed: readonly BaselineEntry[];
  /** Baseline entries whose check judged nothing in this run: neither seen nor ruled out. */
  readonly unverified: readonly BaselineEntry[];
}

/** Writes the fingerprints of a run's findings, so that later runs fail only on new ones. */
export async function saveBaseline(path: string, report: FuzzReport): Promise<void> {
  const file: BaselineFile = {
    format: 'user-status-contracts/fuzz-baseline',
    version: 1,
    findings: report.findings.map(({ id, check, level, rule, pointer, keyword, message }) => ({
      id,
      check,
      level,
      rule,
      pointer,
      ...(keyword === undefined ? {} : { keyword }),
      message,
    })),
  };
  try {
    await writeFile(path, `${JSON.stringify(file, null, 2)}\n`);
  } catch (error) {
    throw new InputError(path, `cannot write the baseline ${path}: ${(error as Error).message}`);
  }
}

/** Reads a baseline written by `saveBaseline`, with a clear error when it is not one. */
export async function loadBaseline(path: string): Promise<BaselineFile> {
  const parsed = await readJsonFile(path, 'the baseline', (name) => name('saveBaseline'));
  const file = parsed as Partial<BaselineFile> | null;
  if (
    file?.format !== 'user-status-contracts/fuzz-baseline' ||
    !Array.isArray(file.findings) ||
    file.findings.some((entry) => typeof (entry as { id?: unknown })?.id !== 'string')
  ) {
    throw new InputError(
      path,
      (name) =>
        `${path} is not a findings baseline (no "format": "user-status-contracts/fuzz-baseline" with findings that have an "id"); write one with ${name('saveBaseline')}`,
    );
  }
  return file as BaselineFile;
}

/** Splits a run's findings into new and known ones, and the baseline's into fixed and unverified. */
export function compareWithBaseline(
  report: FuzzReport,
  baseline: BaselineFile,
): BaselineComparison {
  const listed = new Set(baseline.findings.map((entry) => entry.id));
  const seen = new Set(report.findings.map((finding) => finding.id));
  const exercised = new Set(
    report.checks
      .filter((check) => check.status !== 'not exercised' && check.status !== 'skipped')
      .map((check) => check.name),
  );
  const missing = baseline.findings.filter((entry) => !seen.has(entry.id));
  return {
    fresh: report.findings.filter((finding) => !listed.has(finding.id)),
    known: report.findings.filter((finding) => listed.has(finding.id)),
    fixed: missing.filter((entry) => exercised.has(entry.check)),
    unverified: missing.filter((entry) => !exercised.has(entry.check)),
  };
}
