import { fuzz, type FuzzOptions } from '../../src/fuzz/fuzz';
import type { FuzzReport } from '../../src/fuzz/FuzzReport';
import { createProvider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONFORMANT_VARIANTS } from './gallery/conformantVariants';
import { startDefectiveProvider } from './gallery/defectiveProvider';
import { GALLERY, REQUIRED_FILLER } from './gallery/defects';

const SEED = 20261128;

/**
 * The seeds each gallery entry is tried with: the gallery's seed in `npm test`; five seeds in
 * `npm run test:gallery-seeds`, which shows each entry's `runs` budget catches it whatever the seed.
 */
const SEEDS: readonly number[] = (process.env['GALLERY_SEEDS'] ?? String(SEED))
  .split(',')
  .map((seed) => Number(seed.trim()));
if (SEEDS.some((seed) => !Number.isSafeInteger(seed))) {
  throw new Error(
    `GALLERY_SEEDS must be comma-separated integers, not ${process.env['GALLERY_SEEDS']}`,
  );
}

/** The fuzzer with a seed (the gallery's by default), the token and the policy against `baseUrl`. */
function fuzzAt(baseUrl: string, options: Partial<FuzzOptions> = {}): Promise<FuzzReport> {
  return fuzz({
    baseUrl,
    token: DEFAULT_TOKEN,
    policyId: DEFAULT_POLICY_ID,
    seed: SEED,
    ...options,
  });
}

/** Each gallery item with each seed, as `it.each` rows: a name, the seed and the item. */
function withSeeds<T extends { readonly name: string }>(
  items: readonly T[],
): Array<readonly [string, number, T]> {
  return items.flatMap((item) =>
    SEEDS.map(
      (seed) =>
        [SEEDS.length === 1 ? item.name : `${item.name} (seed ${seed})`, seed, item] as const,
    ),
  );
}

describe('the fuzzer against a gallery of broken providers', () => {
  // Each campaign has its own providers on ephemeral ports, so they run side by side: one waits
  // on the network while another generates and judges.
  it.concurrent.each(SEEDS.map((seed) => [SEEDS.length === 1 ? '' : ` (seed ${seed})`, seed]))(
    'finds nothing wrong with the reference provider%s',
    async (_seedName, seed) => {
      const provider = createProvider({ selfCheck: true });
      const { url } = await provider.listen({ host: '127.0.0.1', port: 0 });
      try {
        const report = await fuzzAt(url, { seed });
        expect(report.findings.map((f) => `${f.check}: ${f.message}`)).toEqual([]);
        expect(report.checks.filter((c) => c.status !== 'passed')).toEqual([]);
      } finally {
        await provider.close();
      }
    },
    120_000,
  );

  it.concurrent.each(withSeeds(GALLERY))(
    'flags a provider that %s',
    async (_name, seed, entry) => {
      const broken = await startDefectiveProvider(entry.defect);
      try {
        // The entry's budget: the canonical edge cases plus the fewest generated cases that
        // catch it on every seed of `npm run test:gallery-seeds`.
        const report = await fuzzAt(broken.url, {
          seed,
          runs: entry.runs,
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

  // A conformant provider keeps the full default budget: a false alarm may need many cases.
  it.concurrent.each(withSeeds(CONFORMANT_VARIANTS))(
    'passes a conformant provider that %s, with the warnings it earns',
    async (_name, seed, variant) => {
      const unusual = await startDefectiveProvider(variant.defect);
      try {
        const report = await fuzzAt(unusual.url, { seed });
        expect(
          report.findings
            .filter((f) => f.level === 'failure')
            .map((f) => `${f.check}: ${f.message}`),
        ).toEqual([]);
        expect(report.incomplete).toBe(false);
        const warnings = report.findings.map((f) => `${f.check} ${f.rule}`);
        for (const warning of variant.warnings) expect(warnings).toContain(warning);
        for (const check of report.checks) expect(['passed', 'warned']).toContain(check.status);
      } finally {
        await unusual.close();
      }
    },
    120_000,
  );

  it.concurrent(
    'reports each of the five required properties a server lets go missing as its own finding, in one run',
    async () => {
      const lenient = await startDefectiveProvider(REQUIRED_FILLER);
      try {
        const report = await fuzzAt(lenient.url, {
          checks: ['negative_data_rejection'],
        });
        const missing = report.findings.filter((f) => f.keyword === 'required');
        expect(missing.map((f) => f.pointer).sort()).toEqual([
          '/devicesCount',
          '/lastReportedDateTime',
          '/status',
          '/userDisplayName',
          '/userPrincipalName',
        ]);
        for (const finding of missing) {
          expect(finding).toMatchObject({ level: 'failure', check: 'negative_data_rejection' });
          expect(finding.hits).toBeGreaterThanOrEqual(1);
        }
        // Each is reported once, however many cases hit it.
        expect(new Set(report.findings.map((f) => f.id)).size).toBe(report.findings.length);
      } finally {
        await lenient.close();
      }
    },
    120_000,
  );

  it.concurrent(
    'reports one root cause once: a 200 instead of 201 is one entry per check, grouped',
    async () => {
      const entry = GALLERY.find((e) => e.name === 'answers 200 instead of 201');
      if (!entry) throw new Error('gallery entry missing');
      const broken = await startDefectiveProvider(entry.defect);
      try {
        const report = await fuzzAt(broken.url);
        const byCheck = report.findings.filter((f) => f.check === 'status_code_conformance');
        expect(byCheck).toHaveLength(1);
        const cause = report.rootCauses.find((c) => c.findings.includes(byCheck[0]?.id ?? ''));
        expect(cause?.checks).toEqual(
          expect.arrayContaining(['status_code_conformance', 'positive_data_acceptance']),
        );
        expect(byCheck[0]?.hits).toBeGreaterThan(1);
      } finally {
        await broken.close();
      }
    },
    120_000,
  );
});

/** A server on 127.0.0.1 that answers every request with `answer` (after draining the body). */
async function startServer(
  answer: (
    respond: (status: number, headers: Record<string, string>, body: string) => void,
  ) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () =>
      answer((status, headers, body) => {
        if (!response.destroyed) response.writeHead(status, headers).end(body);
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('honest budgets: a run that judged nothing never passes', () => {
  const ENTITY = JSON.stringify({
    id: 's1',
    userDisplayName: 'A',
    devicesCount: 1,
    status: 'compliant',
    lastReportedDateTime: '2026-01-01T00:00:00Z',
    userPrincipalName: null,
  });

  it('calls a server slower than maxTimeSeconds allows incomplete, with its checks not exercised', async () => {
    const slow = await startServer((respond) =>
      setTimeout(() => respond(201, { 'content-type': 'application/json' }, ENTITY), 1500),
    );
    try {
      const report = await fuzzAt(slow.url, {
        runs: 2,
        concurrency: 2,
        maxTimeSeconds: 2,
      });
      expect(report.incomplete).toBe(true);
      // A check that judged no case is never "passed".
      expect(report.checks.filter((c) => c.status === 'passed' && c.cases === 0)).toEqual([]);
      const idle = report.checks.filter((c) => c.status === 'not exercised');
      expect(idle.map((c) => c.name)).toEqual(expect.arrayContaining(['ignored_auth']));
      expect(idle[0]?.notes.join(' ')).toMatch(/time budget|slower/);
      // The cases that were in flight when time ran out were awaited and judged, not dropped.
      expect(report.cases).toBeGreaterThan(0);
      expect(report.findings.some((f) => f.check === 'ensure_resource_availability')).toBe(true);
    } finally {
      await slow.close();
    }
  }, 60_000);

  it('calls a server that throttles everything incomplete, and says it was throttled', async () => {
    let requests = 0;
    const throttling = await startServer((respond) => {
      requests++;
      respond(429, { 'content-type': 'application/json', 'retry-after': '999999' }, '{}');
    });
    try {
      const report = await fuzzAt(throttling.url, {
        runs: 50,
      });
      expect(report.incomplete).toBe(true);
      expect(report.aborted).toMatch(/throttled most cases/);
      // A library report names the option fields, not the CLI's flags.
      expect(report.aborted).toMatch(/lower concurrency or set rateLimit$/);
      expect(report.throttledCases).toBeGreaterThanOrEqual(20);
      expect(report.cases).toBe(0);
      expect(report.findings).toEqual([]);
      expect(new Set(report.checks.map((c) => c.status))).toEqual(new Set(['not exercised']));
      expect(report.checks[0]?.notes.join(' ')).toMatch(/throttled/);
      // A Retry-After past every bound is not waited for, and the campaign stops early.
      expect(requests).toBeLessThan(200);
    } finally {
      await throttling.close();
    }
  }, 60_000);

  it('waits out a short Retry-After and then judges the case', async () => {
    // The probe's create goes through; the first case's create is throttled once.
    let posts = 0;
    const front = await startDefectiveProvider({
      request: (request) =>
        request.method === 'POST' && ++posts === 2
          ? { status: 429, headers: { 'retry-after': '0.2' }, body: '' }
          : request,
    });
    try {
      const report = await fuzzAt(front.url, {
        runs: 3,
        checks: ['positive_data_acceptance'],
      });
      expect(posts).toBeGreaterThan(2);
      expect(report.throttledCases).toBe(0);
      expect(report.findings).toEqual([]);
      expect(report.incomplete).toBe(false);
    } finally {
      await front.close();
    }
  }, 60_000);
});
