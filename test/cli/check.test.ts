import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { startDefectiveProvider } from '../fuzz/gallery/defectiveProvider';
import { GALLERY } from '../fuzz/gallery/defects';
import { runCli } from '../helpers/runCli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'check-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('user-status-contracts check', () => {
  it('checks the embedded reference provider by default: the pact verifies and the fuzzer finds nothing', async () => {
    const junit = join(dir, 'check.xml');
    const json = join(dir, 'check.json');
    const result = await runCli([
      'check',
      '--seed',
      '5',
      '--runs',
      '30',
      '--report',
      `junit=${junit}`,
      '--report',
      `json=${json}`,
    ]);
    expect(result.stderr).toMatch(/started the reference provider at http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stdout).toMatch(
      /^Pact verification:\n {2}PASS {4}a request to create a user status\b/m,
    );
    expect(result.stdout).toMatch(/Pact: 5 of 5 interaction\(s\) passed/);
    expect(result.stdout).toMatch(/Fuzz: 0 failure\(s\), 0 warning\(s\)/);
    expect(result.stdout).toMatch(/check passed/);
    expect(result.code).toBe(0);
    const xml = await readFile(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<testsuite name="pact" tests="5" failures="0"/);
    expect(xml).toMatch(/<testsuite name="fuzz" tests="14" failures="0"/);
    const report = JSON.parse(await readFile(json, 'utf8')) as {
      pact: { passed: boolean };
      fuzz: { seed: number };
    };
    expect(report.pact.passed).toBe(true);
    expect(report.fuzz.seed).toBe(5);
  }, 120_000);

  it('fails (exit 1) on a provider that answers 200 instead of 201, in both the pact and the fuzzer', async () => {
    const entry = GALLERY.find((candidate) => candidate.name === 'answers 200 instead of 201');
    if (!entry) throw new Error('missing gallery entry');
    const broken = await startDefectiveProvider(entry.defect);
    try {
      const result = await runCli([
        'check',
        '--base-url',
        broken.url,
        '--token',
        DEFAULT_TOKEN,
        '--policy-id',
        DEFAULT_POLICY_ID,
        '--seed',
        '5',
        '--runs',
        '20',
        '--no-save-failures',
      ]);
      expect(result.stdout).toMatch(/^ {2}FAIL {4}a request to create a user status\b/m);
      // The mismatch lines read as verify's do: the status first, expected and actual values.
      expect(result.stdout).toMatch(/^ {12}status: expected 201, actual 200 \(/m);
      expect(result.stdout).toMatch(/status_code_conformance: POST answered 200/);
      expect(result.stdout).toMatch(/check FAILED/);
      expect(result.code).toBe(1);
    } finally {
      await broken.close();
    }
  }, 120_000);

  it('refuses a --report path it could not write before verifying or fuzzing anything', async () => {
    const result = await runCli([
      'check',
      '--report',
      `junit=${join(dir, 'missing', 'check.xml')}`,
    ]);
    expect(result.stderr).toMatch(
      /cannot write --report junit=.*the directory .*missing does not exist/,
    );
    expect(result.stderr).not.toMatch(/started the reference provider/);
    expect(result.code).toBe(2);
  });

  it('asks for --token and --policy-id with --base-url', async () => {
    const result = await runCli(['check', '--base-url', 'http://127.0.0.1:9']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/with --base-url, also pass --token and --policy-id/);
  });

  it('exits 2 when the server to check cannot be reached', async () => {
    const result = await runCli([
      'check',
      '--base-url',
      'http://127.0.0.1:9',
      '--token',
      't',
      '--policy-id',
      'p',
      '--no-pact',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9/);
  });
});
