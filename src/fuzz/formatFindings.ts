import {
  findingHeadline,
  formatFinding,
  type FormatFindingOptions,
} from './_internals/formatFinding';
import type { FuzzReport } from './FuzzReport';

/**
 * A run's findings as text, one block per root cause: the first finding in full, then the other
 * checks that the same minimal request broke.
 */
export function formatFindings(report: FuzzReport, options: FormatFindingOptions = {}): string {
  const byId = new Map(report.findings.map((finding) => [finding.id, finding]));
  return report.rootCauses
    .map((cause, index) => {
      const [first, ...others] = cause.findings
        .map((id) => byId.get(id))
        .filter((f) => f !== undefined);
      if (first === undefined) return '';
      const also = others.map(
        (finding) =>
          `   the same request also: ${findingHeadline(finding)} (finding ${finding.id})`,
      );
      return [formatFinding(first, index + 1, options), ...also].join('\n');
    })
    .filter((block) => block !== '')
    .join('\n\n');
}
