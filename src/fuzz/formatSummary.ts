import type { FuzzReport } from './FuzzReport';

const MARKS = {
  passed: 'ok  ',
  failed: 'FAIL',
  warned: 'warn',
  skipped: 'skip',
  'not exercised': 'NONE',
} as const;

/** The end-of-run table: one row per check, then totals, the seed and what the run did not judge. */
export function formatSummary(report: FuzzReport): string {
  const width = Math.max(...report.checks.map((check) => check.name.length), 5);
  const rows = report.checks.map((check) => {
    const detail =
      check.status === 'failed' || check.status === 'warned'
        ? `${check.findings} finding(s) in ${check.cases} case(s)`
        : check.status === 'not exercised'
          ? `not exercised: ${check.notes.join('; ')}`
          : check.status === 'skipped' || check.notes.length > 0
            ? check.notes.join('; ')
            : `${check.cases} case(s)`;
    return `  ${MARKS[check.status]}  ${check.name.padEnd(width)}  ${detail}`;
  });
  const seconds = (report.durationMs / 1000).toFixed(1);
  const rate = report.durationMs > 0 ? Math.round((report.requests * 1000) / report.durationMs) : 0;
  const failures = report.findings.filter((finding) => finding.level === 'failure').length;
  const warnings = report.findings.length - failures;
  return [
    `Checks against ${report.target.baseUrl} (policy ${report.target.policyId}):`,
    ...rows,
    '',
    `${report.cases} case(s) judged of ${report.plannedCases} planned, ${report.requests} request(s) in ${seconds} s (${rate}/s), seed ${report.seed}` +
      (report.shard ? `, shard ${report.shard.index}/${report.shard.count}` : ''),
    ...(report.throttledCases > 0
      ? [
          `${report.throttledCases} case(s) were throttled (429, or 503/504 with Retry-After) and not judged.`,
        ]
      : []),
    ...(report.interrupted
      ? ['The time budget (--max-time) ran out before every planned case ran.']
      : []),
    ...(report.aborted ? [`Stopped early: ${report.aborted}.`] : []),
    ...(report.incomplete ? [`Incomplete: ${report.incompleteReasons.join('; ')}.`] : []),
    report.findings.length === 0
      ? 'No findings.'
      : `${failures} failure(s), ${warnings} warning(s) in ${report.rootCauses.length} root cause(s).`,
  ].join('\n');
}
