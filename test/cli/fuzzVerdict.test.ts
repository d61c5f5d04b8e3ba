import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProvider, type Provider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { CONFORMANT_VARIANTS } from '../fuzz/gallery/conformantVariants';
import { startDefectiveProvider, type DefectiveProvider } from '../fuzz/gallery/defectiveProvider';
import { REQUIRED_FILLER } from '../fuzz/gallery/defects';
import { runCli } from '../helpers/runCli';

let provider: Provider;
let url: string;
let lenient: DefectiveProvider;
let idIgnoring: DefectiveProvider;
let throttling: Server;
let throttlingUrl: string;
let dir: string;

beforeAll(async () => {
  provider = createProvider({ selfCheck: true });
  ({ url } = await provider.listen({ host: '127.0.0.1', port: 0 }));
  lenient = await startDefectiveProvider(REQUIRED_FILLER);
  const ignoresIds = CONFORMANT_VARIANTS.find((v) => v.name.startsWith('ignores any supplied'));
  if (!ignoresIds) throw new Error('conformant variant missing');
  idIgnoring = await startDefectiveProvider(ignoresIds.defect);
  throttling = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(429, { 'retry-after': '999999' }).end());
  });
  await new Promise<void>((resolve) => throttling.listen(0, '127.0.0.1', resolve));
  throttlingUrl = `http://127.0.0.1:${(throttling.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'fuzz-verdict-'));
});

afterAll(async () => {
  await provider.close();
  await lenient.close();
  await idIgnoring.close();
  throttling.closeAllConnections();
  await new Promise<void>((resolve) => throttling.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

const target = (baseUrl: string) => [
  'fuzz',
  '--base-url',
  baseUrl,
  '--token',
  DEFAULT_TOKEN,
  '--policy-id',
  DEFAULT_POLICY_ID,
  '--seed',
  '5',
  '--no-save-failures',
];

describe('fuzz verdicts and exit codes', () => {
  it('exits 3 when the run is incomplete, and 0 with --allow-incomplete', async () => {
    const incomplete = await runCli([...target(throttlingUrl), '--runs', '30']);
    expect(incomplete.stdout).toMatch(/NONE\s+not_a_server_error\s+not exercised: .*throttled/);
    expect(incomplete.stdout).toMatch(/case\(s\) were throttled/);
    // The report names option fields; the CLI prints its flags in their place.
    expect(incomplete.stdout).toMatch(/lower --concurrency or set --rate-limit/);
    expect(incomplete.stdout).not.toMatch(/rateLimit/);
    expect(incomplete.stdout).toMatch(/Incomplete: /);
    expect(incomplete.stdout).toMatch(/--allow-incomplete/);
    expect(incomplete.code).toBe(3);
    const allowed = await runCli([...target(throttlingUrl), '--runs', '30', '--allow-incomplete']);
    expect(allowed.code).toBe(0);
  }, 60_000);

  it('passes a conformant provider with warnings, and fails it with --fail-on warning', async () => {
    const lenientRun = await runCli([
      ...target(idIgnoring.url),
      '--checks',
      'negative_data_rejection',
    ]);
    expect(lenientRun.stdout).toMatch(
      /warning negative_data_rejection: a body that breaks \/id nonEmptyId/,
    );
    expect(lenientRun.stdout).toMatch(/from the toolkit's advice/);
    expect(lenientRun.stdout).toMatch(/warn\s+negative_data_rejection/);
    expect(lenientRun.stdout).toMatch(/0 failure\(s\), 1 warning\(s\)/);
    expect(lenientRun.stdout).toMatch(/--fail-on warning makes them fail it/);
    expect(lenientRun.code).toBe(0);
    const strict = await runCli([
      ...target(idIgnoring.url),
      '--checks',
      'negative_data_rejection',
      '--fail-on',
      'warning',
    ]);
    expect(strict.code).toBe(1);
  }, 60_000);

  it('refuses a --fail-on level it does not know', async () => {
    const result = await runCli([...target(url), '--fail-on', 'error']);
    expect(result.stderr).toMatch(/--fail-on takes failure or warning, not "error"/);
    expect(result.code).toBe(2);
  });

  it('fails only on findings the baseline does not list, and says which listed ones are fixed', async () => {
    const baseline = join(dir, 'known.json');
    const first = await runCli([
      ...target(lenient.url),
      '--checks',
      'negative_data_rejection',
      '--save-baseline',
      baseline,
    ]);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Baseline of 5 finding\(s\) written to /);
    const saved = JSON.parse(await readFile(baseline, 'utf8')) as { findings: { id: string }[] };
    expect(saved.findings).toHaveLength(5);

    const again = await runCli([
      ...target(lenient.url),
      '--checks',
      'negative_data_rejection',
      '--baseline',
      baseline,
    ]);
    expect(again.stdout).toMatch(/Baseline: 0 new finding\(s\), 5 known, 0 fixed/);
    expect(again.code).toBe(0);

    const fixed = await runCli([
      ...target(url),
      '--checks',
      'negative_data_rejection',
      '--baseline',
      baseline,
    ]);
    expect(fixed.stdout).toMatch(/Baseline: 0 new finding\(s\), 0 known, 5 fixed/);
    expect(fixed.stdout).toMatch(/fixed {8}[0-9a-f]{10} {2}negative_data_rejection/);
    expect(fixed.code).toBe(0);

    // A baseline that knows nothing lets every finding fail the run again.
    const empty = join(dir, 'empty.json');
    await writeFile(
      empty,
      JSON.stringify({ format: 'user-status-contracts/fuzz-baseline', version: 1, findings: [] }),
    );
    const fresh = await runCli([
      ...target(lenient.url),
      '--checks',
      'negative_data_rejection',
      '--baseline',
      empty,
    ]);
    expect(fresh.stdout).toMatch(/Baseline: 5 new finding\(s\)/);
    expect(fresh.code).toBe(1);
  }, 120_000);

  it('refuses a baseline that is not one before sending anything', async () => {
    const bogus = join(dir, 'bogus.json');
    await writeFile(bogus, '{"findings": []}');
    const result = await runCli([...target(url), '--baseline', bogus]);
    expect(result.stderr).toMatch(/is not a findings baseline/);
    expect(result.code).toBe(2);
    const missing = await runCli([...target(url), '--baseline', join(dir, 'nope.json')]);
    expect(missing.stderr).toMatch(/no such file \(--save-baseline writes one\)/);
    expect(missing.code).toBe(2);
  });

  it('check refuses a baseline that is not one before its Pact step sends anything', async () => {
    const bogus = join(dir, 'bogus-for-check.json');
    await writeFile(bogus, '{"findings": []}');
    let requests = 0;
    const counting = createServer((request, response) => {
      requests++;
      request.resume();
      response.writeHead(500).end();
    });
    await new Promise<void>((resolve) => counting.listen(0, '127.0.0.1', resolve));
    const countingUrl = `http://127.0.0.1:${(counting.address() as AddressInfo).port}`;
    try {
      const result = await runCli([
        'check',
        '--base-url',
        countingUrl,
        '--token',
        DEFAULT_TOKEN,
        '--policy-id',
        DEFAULT_POLICY_ID,
        '--baseline',
        bogus,
      ]);
      expect(result.stderr).toMatch(/is not a findings baseline/);
      expect(result.code).toBe(2);
      expect(requests).toBe(0);
    } finally {
      await new Promise<void>((resolve) => counting.close(() => resolve()));
    }
  });
});
