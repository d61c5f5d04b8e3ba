import { formatFinding } from './formatFinding';
import type { FuzzReport } from './FuzzReport';
import type { JunitSuite } from './toJunitXml';

/** A fuzzing run as a JUnit suite: one test case per check, failures with their reproductions. */
export function fuzzJunitSuite(report: FuzzReport, name = 'fuzz'): JunitSuite {
  return {
    name,
    seconds: report.durationMs / 1000,
    timestamp: report.startedAt,
    properties: { seed: String(report.seed), target: report.target.baseUrl },
    cases: report.checks.map((check) => {
      const base = { name: check.name, classname: name };
      if (check.status === 'failed') {
        const findings = report.findings.filter((finding) => finding.check === check.name);
        return {
          ...base,
          failure: {
            message: findings[0]?.message ?? 'failed',
            type: check.name,
            details: findings
              .map((finding, index) => formatFinding(finding, index + 1))
              .join('\n\n'),
          },
        };
      }
      if (check.status === 'skipped' || check.status === 'not run') {
        return { ...base, skipped: check.notes.join('; ') || check.status };
      }
      return base;
    }),
  };
}
