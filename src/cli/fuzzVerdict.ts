import type { BaselineComparison, BaselineFile } from '../fuzz/baselineFile';
import { compareWithBaseline } from '../fuzz/baselineFile';
import type { FuzzReport } from '../fuzz/FuzzReport';
import { ExitCode } from './ExitCode';

/** How a fuzzing run is turned into an exit code (`--fail-on`, `--allow-incomplete`, `--baseline`). */
export interface FuzzVerdictSettings {
  /** The lowest level that fails the run. @defaultValue 'failure' */
  readonly failOn: 'failure' | 'warning';
  /** An incomplete run exits 0 instead of 3 (when nothing fails). @defaultValue false */
  readonly allowIncomplete: boolean;
  /** Known findings: only findings it does not list fail the run. */
  readonly baseline?: BaselineFile;
}

/** A run's verdict: the exit code, the findings that fail it, and the lines that explain it. */
export interface FuzzVerdict {
  readonly exitCode: ExitCode;
  /** The ids of the findings that fail the run. */
  readonly failing: readonly string[];
  /** The ids of findings the baseline knows. */
  readonly known: ReadonlySet<string>;
  readonly comparison?: BaselineComparison;
  /** What to print after the summary (baseline news, why the exit code). */
  readonly lines: readonly string[];
}

/**
 * Decides a fuzzing run: 1 when a finding at or above `failOn` is not in the baseline, else 3 when
 * the run is incomplete (unless allowed), else 0.
 */
export function fuzzVerdict(report: FuzzReport, settings: FuzzVerdictSettings): FuzzVerdict {
  const comparison = settings.baseline ? compareWithBaseline(report, settings.baseline) : undefined;
  const candidates = comparison ? comparison.fresh : report.findings;
  const failing = candidates
    .filter((finding) => finding.level === 'failure' || settings.failOn === 'warning')
    .map((finding) => finding.id);
  const lines: string[] = [];
  if (comparison) {
    lines.push(
      `Baseline: ${comparison.fresh.length} new finding(s), ${comparison.known.length} known, ${comparison.fixed.length} fixed, ${comparison.unverified.length} not checked in this run.`,
    );
    for (const entry of comparison.fixed)
      lines.push(`  fixed        ${entry.id}  ${entry.check}: ${entry.message}`);
    for (const entry of comparison.unverified)
      lines.push(
        `  not checked  ${entry.id}  ${entry.check}: its check judged no case in this run`,
      );
    for (const finding of comparison.fresh)
      lines.push(
        `  new          ${finding.id}  ${finding.level} ${finding.check}: ${finding.message}`,
      );
  }
  const warnings = candidates.filter((finding) => finding.level === 'warning').length;
  let exitCode: ExitCode = ExitCode.Ok;
  if (failing.length > 0) {
    exitCode = ExitCode.Findings;
  } else if (report.incomplete && !settings.allowIncomplete) {
    exitCode = ExitCode.Incomplete;
    lines.push(
      'The run is incomplete, so it does not pass (exit 3): give it more time (--max-time), lower the load (--concurrency, --rate-limit), or accept it with --allow-incomplete.',
    );
  } else if (warnings > 0 && settings.failOn === 'failure') {
    lines.push(`${warnings} warning(s) do not fail the run; --fail-on warning makes them fail it.`);
  }
  return {
    exitCode,
    failing,
    known: new Set(comparison?.known.map((finding) => finding.id) ?? []),
    ...(comparison ? { comparison } : {}),
    lines,
  };
}
