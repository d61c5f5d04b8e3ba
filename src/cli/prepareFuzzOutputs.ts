import type { BaselineFile } from '../fuzz/baselineFile';
import { ensureOutputsWritable } from './ensureOutputsWritable';
import type { ReportTargets, VerdictFlags } from './fuzzFlags';

/** Where a run's results go, how they are judged, and the baseline they are judged against. */
export interface FuzzOutputs {
  readonly reports: ReportTargets;
  /** The failures file for `--replay`, or `false` for none. */
  readonly saveFailures: string | false;
  readonly verdict: VerdictFlags;
  /** The `--baseline` file, read. */
  readonly baseline?: BaselineFile;
}

/**
 * Everything a fuzzing run needs from the file system, checked before any request of any step:
 * the files it will write can be written, and the `--baseline` it reads is one.
 */
export async function prepareFuzzOutputs(
  reports: ReportTargets,
  saveFailures: string | false,
  verdict: VerdictFlags,
): Promise<FuzzOutputs> {
  await ensureOutputsWritable(reports, saveFailures, verdict.saveBaseline);
  if (verdict.baseline === undefined) return { reports, saveFailures, verdict };
  const { loadBaseline } = await import('../fuzz/baselineFile');
  return { reports, saveFailures, verdict, baseline: await loadBaseline(verdict.baseline) };
}
