import { clipVerificationReport } from '../../src/pact/clipVerificationReport';
import type { VerificationMismatch } from '../../src/pact/VerificationReport';

describe('clipVerificationReport', () => {
  const mismatch = (actual: string): VerificationMismatch => ({
    kind: 'body',
    path: '$.id',
    expected: '"x"',
    actual,
    message: 'differs',
  });

  it('cuts long texts, long mismatch lists and long outputs, saying what it left out', () => {
    const report = clipVerificationReport({
      passed: false,
      interactions: [
        {
          description: 'create',
          providerStates: [],
          passed: false,
          pending: false,
          mismatches: [
            mismatch('y'.repeat(10_000)),
            ...Array.from({ length: 59 }, () => mismatch('z')),
          ],
        },
      ],
      stateFailures: [],
      notices: [],
      output: Array.from({ length: 600 }, (_, index) => `line ${index}`),
    });
    const [interaction] = report.interactions;
    expect(interaction?.mismatches).toHaveLength(51);
    expect(interaction?.mismatches[0]?.actual).toBe(
      `${'y'.repeat(4096)}... (cut at 4096 of 10000 characters)`,
    );
    expect(interaction?.mismatches[50]?.message).toBe('... and 10 more mismatch(es), not listed');
    expect(report.output).toHaveLength(501);
    expect(report.output.at(-1)).toBe("... 100 more line(s) of the verifier's output, not kept");
  });

  it('leaves a small report as it is', () => {
    const small = {
      passed: true,
      interactions: [],
      stateFailures: [],
      notices: ['n'],
      output: ['o'],
    };
    expect(clipVerificationReport(small)).toEqual(small);
  });
});
