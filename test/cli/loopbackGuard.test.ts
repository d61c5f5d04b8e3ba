import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli';

// A counting server on 127.0.0.1, reached through a spelling of that address the loopback guard
// does not recognise (an IPv4-mapped IPv6 address): every request a verb sends before its guard
// refuses lands here and is counted. Nothing leaves the machine.
const SETTLE_PATH = '/settle';
let server: Server;
let requests: string[];
let refusedUrl: string;
let dir: string;

beforeAll(async () => {
  requests = [];
  server = createServer((req, res) => {
    if (req.url !== SETTLE_PATH) requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":{"code":"ResourceNotFound","message":"counted"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  refusedUrl = `http://[::ffff:127.0.0.1]:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'loopback-guard-'));
});
afterEach(() => {
  requests = [];
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/**
 * One round trip of our own to the counting server: a request a verb started before it gave up
 * has by then reached the server too.
 */
async function settle(): Promise<void> {
  await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${SETTLE_PATH}`).then(
    (response) => response.arrayBuffer(),
  );
}

const target = (): string[] => [
  '--base-url',
  refusedUrl,
  '--token',
  'guard-token',
  '--policy-id',
  'p',
];

describe('the loopback guard runs before any request', () => {
  it('check refuses a target that is not a loopback address before its Pact step sends anything', async () => {
    const result = await runCli(['check', ...target(), '--runs', '1', '--no-save-failures']);
    expect(result.stderr).toMatch(/refusing to send requests to \[::ffff:7f00:1\].*--allow-remote/);
    expect(result.stderr).not.toMatch(/verifying the pact/);
    await settle();
    expect(requests).toEqual([]);
    expect(result.code).toBe(2);
  });

  it('check --no-pact refuses it too, and so does fuzz', async () => {
    const check = await runCli(['check', ...target(), '--no-pact', '--no-save-failures']);
    expect(check.stderr).toMatch(/refusing to send requests/);
    expect(check.code).toBe(2);
    const fuzz = await runCli(['fuzz', ...target(), '--runs', '1', '--no-save-failures']);
    expect(fuzz.stderr).toMatch(/refusing to send requests/);
    expect(fuzz.code).toBe(2);
    await settle();
    expect(requests).toEqual([]);
  });

  it('fuzz --replay refuses before it announces the replay', async () => {
    const saved = join(dir, 'failures.json');
    await writeFile(
      saved,
      JSON.stringify({
        format: 'user-status-contracts/fuzz-failures',
        version: 1,
        target: { baseUrl: refusedUrl, policyId: 'p' },
        seed: 1,
        findings: [],
      }),
    );
    const result = await runCli(['fuzz', '--token', 'guard-token', '--replay', saved]);
    expect(result.stderr).toMatch(/refusing to send requests/);
    expect(result.stderr).not.toMatch(/replaying/);
    await settle();
    expect(requests).toEqual([]);
    expect(result.code).toBe(2);
  });

  it('verify sends nothing before its own checks: a missing pact file is refused first', async () => {
    const result = await runCli(['verify', ...target(), '--pact', join(dir, 'no-such-pact.json')]);
    expect(result.stderr).toContain('no such file');
    await settle();
    expect(requests).toEqual([]);
    expect(result.code).toBe(2);
  });

  it('verify is meant for remote providers: it needs no --allow-remote', async () => {
    const result = await runCli(['verify', ...target()]);
    expect(result.stderr).not.toMatch(/refusing/);
    expect(requests.filter((request) => request.startsWith('POST ')).length).toBe(5);
    expect(result.code).toBe(1);
  });
});
