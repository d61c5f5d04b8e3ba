import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { VerificationReport } from '../../src/pact/VerificationReport';
import { createProvider, type Provider } from '../../src/provider/createProvider';
import { startTinyProvider } from '../contract/provider/brokenProviders/startTinyProvider';
import { runCli } from '../helpers/runCli';

process.env['PACT_DO_NOT_TRACK'] = 'true';

const TOKEN = 'verify-report-token';
const POLICY_ID = 'verify-report-policy';

interface JunitCase {
  '@_name': string;
  failure?: { '@_message': string; '#text': string };
}
interface Junit {
  testsuites: {
    '@_tests': string;
    '@_failures': string;
    testsuite: { '@_name': string; testcase: JunitCase[] };
  };
}

let provider: Provider;
let url: string;
let scratch: string;

beforeAll(async () => {
  provider = createProvider({ tokens: [TOKEN], policyIds: [POLICY_ID] });
  ({ url } = await provider.listen({ port: 0 }));
  scratch = mkdtempSync(join(tmpdir(), 'verify-report-'));
});
afterAll(async () => {
  await provider.close();
  rmSync(scratch, { recursive: true, force: true });
});

function readJunit(path: string): Junit {
  const xml = readFileSync(path, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(
    xml,
  ) as Junit;
}

/** A loopback server that counts the requests it gets (and answers each 404). */
async function countingServer(): Promise<{
  url: string;
  count: () => number;
  close: () => Promise<void>;
}> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    req.resume();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('user-status-contracts verify --report', () => {
  it('writes a JUnit case per interaction and the JSON verification report, both passing', async () => {
    const junit = join(scratch, 'reports', 'pact.xml');
    const json = join(scratch, 'reports', 'pact.json');
    mkdirSync(join(scratch, 'reports'));
    const { code, stderr } = await runCli([
      'verify',
      '--base-url',
      url,
      '--token',
      TOKEN,
      '--policy-id',
      POLICY_ID,
      '--report',
      `junit=${junit}`,
      '--report',
      `json=${json}`,
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain(`report written to ${json}\n`);
    expect(stderr).toContain(`report written to ${junit}\n`);
    const { testsuites } = readJunit(junit);
    expect(testsuites['@_tests']).toBe('5');
    expect(testsuites['@_failures']).toBe('0');
    expect(testsuites.testsuite['@_name']).toBe('pact');
    expect(testsuites.testsuite.testcase.map((c) => c['@_name'])).toContain(
      'a request to create a user status',
    );
    expect(testsuites.testsuite.testcase.every((c) => c.failure === undefined)).toBe(true);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { pact: VerificationReport };
    expect(Object.keys(report)).toEqual(['pact']);
    expect(report.pact.passed).toBe(true);
    expect(report.pact.interactions).toHaveLength(5);
    expect(report.pact.interactions.every((i) => i.passed)).toBe(true);
  });

  it('shows a failing interaction as a JUnit failure and as a failed interaction in the JSON', async () => {
    const tiny = await startTinyProvider('devicesCountAsString', {
      token: TOKEN,
      policyId: POLICY_ID,
    });
    const junit = join(scratch, 'failing.xml');
    const json = join(scratch, 'failing.json');
    try {
      const { code } = await runCli([
        'verify',
        '--base-url',
        tiny.url,
        '--token',
        TOKEN,
        '--policy-id',
        POLICY_ID,
        '--report',
        `junit=${junit}`,
        '--report',
        `json=${json}`,
      ]);
      expect(code).toBe(1);
    } finally {
      await tiny.close();
    }
    const { testsuites } = readJunit(junit);
    expect(testsuites['@_tests']).toBe('5');
    expect(testsuites['@_failures']).toBe('2');
    const created = testsuites.testsuite.testcase.find(
      (c) => c['@_name'] === 'a request to create a user status',
    );
    expect(created?.failure?.['#text']).toContain('$.devicesCount: expected 3, got "3"');
    const report = JSON.parse(readFileSync(json, 'utf8')) as { pact: VerificationReport };
    expect(report.pact.passed).toBe(false);
    const failed = report.pact.interactions.find(
      (i) => i.description === 'a request to create a user status',
    );
    expect(failed?.passed).toBe(false);
    expect(failed?.mismatches).toContainEqual(
      expect.objectContaining({ kind: 'body', path: '$.devicesCount', actual: '"3"' }),
    );
  });

  it('exits 2 before any request for a --report that is not kind=PATH', async () => {
    const target = await countingServer();
    try {
      for (const spec of ['xml=out.xml', 'junit=', 'junit', '=out.json']) {
        const { code, stderr } = await runCli([
          'verify',
          '--base-url',
          target.url,
          '--policy-id',
          POLICY_ID,
          '--report',
          spec,
        ]);
        expect(stderr).toContain(
          `--report takes json=PATH or junit=PATH, not ${JSON.stringify(spec)}`,
        );
        expect(code).toBe(2);
      }
      expect(target.count()).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('exits 2 before any request for a --report path it cannot write', async () => {
    const target = await countingServer();
    try {
      const missingDirectory = await runCli([
        'verify',
        '--base-url',
        target.url,
        '--policy-id',
        POLICY_ID,
        '--report',
        `junit=${join(scratch, 'no-such-folder', 'pact.xml')}`,
      ]);
      expect(missingDirectory.stderr).toMatch(
        /cannot write --report junit=.*pact\.xml: the directory .*no-such-folder does not exist/,
      );
      expect(missingDirectory.code).toBe(2);
      const directory = await runCli([
        'verify',
        '--base-url',
        target.url,
        '--policy-id',
        POLICY_ID,
        '--report',
        `json=${scratch}`,
      ]);
      expect(directory.stderr).toContain('it is a directory; name a file');
      expect(directory.code).toBe(2);
      expect(target.count()).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('teaches --report in --help, with a CI example', async () => {
    const { stdout } = await runCli(['verify', '--help']);
    expect(stdout).toContain('--report <kind=PATH>');
    expect(stdout).toContain('--report junit=reports/pact.xml');
    expect(stdout).toContain('{ "pact": <the verification report> }');
  });
});
