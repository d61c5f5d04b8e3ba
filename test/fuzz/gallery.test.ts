import { fuzz } from '../../src/fuzz/fuzz';
import { createProvider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { startDefectiveProvider } from './gallery/defectiveProvider';
import { GALLERY } from './gallery/defects';

const SEED = 20261128;

describe('the fuzzer against a gallery of broken providers', () => {
  it('finds nothing wrong with the reference provider', async () => {
    const provider = createProvider({ selfCheck: true });
    const { url } = await provider.listen({ host: '127.0.0.1', port: 0 });
    try {
      const report = await fuzz({
        baseUrl: url,
        token: DEFAULT_TOKEN,
        policyId: DEFAULT_POLICY_ID,
        seed: SEED,
      });
      expect(report.findings.map((f) => `${f.check}: ${f.message}`)).toEqual([]);
      expect(report.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    } finally {
      await provider.close();
    }
  }, 120_000);

  it.each(GALLERY.map((entry) => [entry.name, entry] as const))(
    'flags a provider that %s',
    async (_name, entry) => {
      const broken = await startDefectiveProvider(entry.defect);
      try {
        const report = await fuzz({
          baseUrl: broken.url,
          token: DEFAULT_TOKEN,
          policyId: DEFAULT_POLICY_ID,
          seed: SEED,
          ...(entry.maxResponseTimeMs === undefined
            ? {}
            : { maxResponseTimeMs: entry.maxResponseTimeMs }),
        });
        const finding = report.findings.find(
          (f) => f.check === entry.check && f.level === 'failure',
        );
        expect(finding).toBeDefined();
        expect(report.checks.find((c) => c.name === entry.check)?.status).toBe('failed');
        // A reproduction a person can run, with the token redacted.
        expect(finding?.curl).toMatch(/^curl .*\$TOKEN|^curl /);
        expect(finding?.curl).not.toContain(DEFAULT_TOKEN);
        // One handle reproduces it: the finding's id (with the failures file), never a second seed.
        expect(finding?.id).toMatch(/^[0-9a-f]{10}$/);
        expect(finding).not.toHaveProperty('seed');
        expect(finding?.hits).toBeGreaterThanOrEqual(1);
        // The summary's total covers every case a check judged, shrunk replays included.
        expect(Math.max(...report.checks.map((c) => c.cases))).toBeLessThanOrEqual(report.cases);
        if (entry.minimal && finding)
          expect([finding.fuzzCase, entry.minimal(finding.fuzzCase)]).toEqual([
            finding.fuzzCase,
            true,
          ]);
      } finally {
        await broken.close();
      }
    },
    120_000,
  );
});
