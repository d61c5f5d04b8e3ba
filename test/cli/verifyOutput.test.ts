import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { doubledPathPrefix } from '../../src/cli/doubledPathPrefix';
import { DEFAULT_PACT_FILE } from '../../src/pact/pactNames';
import { createProvider, type Provider } from '../../src/provider/createProvider';
import { recordPrefixedPact } from '../helpers/recordPrefixedPact';
import { runCli } from '../helpers/runCli';

process.env['PACT_DO_NOT_TRACK'] = 'true';

const TOKEN = 'verify-output-token';
const POLICY_ID = 'verify-output-policy';

let provider: Provider;
let url: string;
let scratch: string;
let v1Pact: string;

beforeAll(async () => {
  provider = createProvider({ tokens: [TOKEN], policyIds: [POLICY_ID] });
  ({ url } = await provider.listen({ port: 0 }));
  scratch = mkdtempSync(join(tmpdir(), 'verify-output-'));
  v1Pact = join(scratch, 'v1.json');
  writeFileSync(v1Pact, await recordPrefixedPact(join(scratch, 'recorded'), '/v1.0'));
});
afterAll(async () => {
  await provider.close();
  rmSync(scratch, { recursive: true, force: true });
});

const VERIFY = (baseUrl: string): string[] => [
  'verify',
  '--base-url',
  baseUrl,
  '--token',
  TOKEN,
  '--policy-id',
  POLICY_ID,
];

describe('verify prints the status mismatch first', () => {
  it('lists "status: expected 201, actual 200" before the body mismatches', async () => {
    // Answers 200 with a body that has none of the expected properties: the verifier itself
    // lists the body mismatches first and the status last.
    const server: Server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"unexpected":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { code, stdout } = await runCli(
        VERIFY(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      );
      expect(code).toBe(1);
      const lines = stdout.split('\n');
      const at = lines.findIndex((line) =>
        /^FAIL +a request to create a user status \(/.test(line),
      );
      expect(lines[at + 1]).toBe(
        '          status: expected 201, actual 200 (expected 201 but was 200)',
      );
      expect(lines[at + 2]).toMatch(/^ {10}\$\['@odata\.type'\]: expected present, actual missing/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('verify --broker-url defaults to PACT_BROKER_BASE_URL', () => {
  async function closedPort(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${port}`;
  }

  it('fetches from the broker the environment names when no --pact is given', async () => {
    const broker = await closedPort();
    const { code, stderr } = await runCli(VERIFY(url), {
      env: { PACT_BROKER_BASE_URL: broker, PACT_BROKER_TOKEN: 'broker-token' },
    });
    expect(stderr).toContain(`cannot reach the Pact Broker at ${broker}`);
    expect(code).toBe(2);
  });

  it('leaves the environment aside when --pact names the pacts, or when it is empty', async () => {
    const broker = await closedPort();
    const withPact = await runCli([...VERIFY(url), '--pact', DEFAULT_PACT_FILE], {
      env: { PACT_BROKER_BASE_URL: broker },
    });
    expect(withPact.stderr).toContain('5 interaction(s) verified: 5 passed, 0 failed');
    expect(withPact.code).toBe(0);
    const empty = await runCli(VERIFY(url), { env: { PACT_BROKER_BASE_URL: '' } });
    expect(empty.code).toBe(0);
  });

  it('says so in --help', async () => {
    const { stdout } = await runCli(['verify', '--help']);
    // Commander wraps option descriptions to the terminal's width.
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain('(default without --pact: $PACT_BROKER_BASE_URL)');
    expect(text).toContain('--broker-url defaults to PACT_BROKER_BASE_URL');
  });
});

describe('verify names a doubled path prefix', () => {
  it('says the prefix is doubled, not that the policy may be missing', async () => {
    const { code, stderr } = await runCli([...VERIFY(`${url}/v1.0`), '--pact', v1Pact]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      "hint: the pact's paths already start with /v1.0 and --base-url ends with /v1.0: requests go to /v1.0/v1.0/…; drop /v1.0 from --base-url\n",
    );
    expect(stderr).not.toContain('(--policy-id) exist there?');
  });

  it('passes the same pact with the prefix dropped, and an unprefixed pact with it', async () => {
    const prefixed = await runCli([...VERIFY(url), '--pact', v1Pact]);
    expect(prefixed.code).toBe(0);
    const unprefixed = await runCli([...VERIFY(`${url}/v1.0`), '--pact', DEFAULT_PACT_FILE]);
    expect(unprefixed.code).toBe(0);
  });

  it('still asks about the policy when the prefix is not doubled', async () => {
    const { code, stderr } = await runCli([
      ...VERIFY(url).slice(0, -1),
      'no-such-policy',
      '--pact',
      v1Pact,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('"no-such-policy" (--policy-id) exist there?');
    expect(stderr).not.toContain('already start with');
  });
});

describe('doubledPathPrefix', () => {
  const PATH = '/v1.0/deviceManagement/deviceCompliancePolicies/p/userStatuses';

  it('finds the segments the base URL ends with and the paths start with', () => {
    expect(doubledPathPrefix('http://127.0.0.1:4010/v1.0', [PATH])).toBe('/v1.0');
    expect(doubledPathPrefix('http://127.0.0.1:4010/v1.0/', [PATH])).toBe('/v1.0');
    expect(
      doubledPathPrefix('https://gw.example/graph/v1.0', [`/graph/v1.0${PATH.slice(5)}`]),
    ).toBe('/graph/v1.0');
  });

  it('finds nothing where the prefix is not repeated', () => {
    expect(doubledPathPrefix('http://127.0.0.1:4010', [PATH])).toBeUndefined();
    expect(doubledPathPrefix('http://127.0.0.1:4010/beta', [PATH])).toBeUndefined();
    expect(doubledPathPrefix('http://127.0.0.1:4010/v1.0', [PATH.slice(5)])).toBeUndefined();
    expect(doubledPathPrefix('not a url', [PATH])).toBeUndefined();
  });
});
