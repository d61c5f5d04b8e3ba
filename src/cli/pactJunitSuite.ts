import { mismatchesStatusFirst } from '../pact/mismatchesStatusFirst';
import type { VerificationReport } from '../pact/VerificationReport';
import type { JunitSuite } from '../reports/toJunitXml';

/** A Pact verification as a JUnit suite: one test case per interaction, the status mismatch first. */
export function pactJunitSuite(
  report: VerificationReport,
  seconds: number,
  timestamp: string,
): JunitSuite {
  return {
    name: 'pact',
    seconds,
    timestamp,
    properties: {},
    cases: report.interactions.map((interaction) => {
      const base = { name: interaction.description, classname: 'pact' };
      if (interaction.passed || interaction.pending) return base;
      const mismatches = mismatchesStatusFirst(interaction.mismatches);
      const details = mismatches
        .map((m) =>
          m.expected === '' && m.actual === ''
            ? `${m.path || m.kind}: ${m.message}`
            : `${m.path || m.kind}: expected ${m.expected}, got ${m.actual} (${m.message})`,
        )
        .join('\n');
      return {
        ...base,
        failure: { message: mismatches[0]?.message ?? 'failed', type: 'pact', details },
      };
    }),
  };
}
