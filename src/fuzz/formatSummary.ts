import type { FuzzReport } from './FuzzReport';

/** The end-of-run table: one row per check, then totals, the seed and how to re-run. */
export function formatSummary(report: FuzzReport): string {
  const width = Math.max(...report.checks.map((check) => check.name.length), 5);
  const rows = report.checks.map((check) => {
    const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip', 'not run': '-   ' }[
      check.status
    ];
    const detail =
      check.status === 'failed'
        ? `${check.findings} finding(s)`
        : check.status === 'skipped' || check.notes.length > 0
          ? check.notes.join('; ')
          : `${check.cases} case(s)`;
    return `  ${mark}  ${check.name.padEnd(width)}  ${detail}`;
  });
  const seconds = (report.durationMs / 1000).toFixed(1);
  const rate = report.durationMs > 0 ? Math.round((report.requests * 1000) / report.durationMs) : 0;
  const total = report.findings.length;
  return [
    `Checks against ${report.target.baseUrl} (policy ${report.target.policyId}):`,
    ...rows,
    '',
    `${report.cases} case(s), ${report.requests} request(s) in ${seconds} s (${rate}/s), seed ${report.seed}` +
      (report.shard ? `, shard ${report.shard.index}/${report.shard.count}` : ''),
    ...(report.interrupted ? ['The time budget ran out before every planned case ran.'] : []),
    ...(report.aborted ? [`Stopped early: ${report.aborted}.`] : []),
    total === 0 ? 'No findings.' : `${total} finding(s).`,
  ].join('\n');
}
