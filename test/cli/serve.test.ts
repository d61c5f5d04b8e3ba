import { execFile, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { request } from 'undici';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { listIssues } from '../../src/validator/listIssues';
import { runCli } from '../helpers/runCli';
import { startServe } from '../helpers/startServe';

const HAS_CURL = spawnSync('curl', ['--version']).status === 0;

/** The multi-line curl command the banner prints. */
function printedCurl(stdout: string): string {
  const start = stdout.indexOf('  curl ');
  const end = stdout.indexOf('\n', stdout.indexOf('    -d ', start));
  return stdout.slice(start, end);
}

describe('serve', () => {
  it('prints the base URL, the defaults and a curl that creates a status (201)', async () => {
    const serve = startServe(['--port', '0']);
    const url = await serve.url;
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(serve.stdout()).toContain(DEFAULT_TOKEN);
      expect(serve.stdout()).toContain(DEFAULT_POLICY_ID);
      const curl = printedCurl(serve.stdout());
      expect(curl).toContain(`${url}/v1.0/deviceManagement/deviceCompliancePolicies/`);
      if (HAS_CURL) {
        const { stdout } = await promisify(execFile)('sh', [
          '-c',
          curl.replace('curl -i', 'curl -sS -i'),
        ]);
        expect(stdout).toMatch(/^HTTP\/1\.1 201 Created/);
        const body = JSON.parse(stdout.slice(stdout.indexOf('\r\n\r\n') + 4)) as unknown;
        expect(listIssues('entity', body)).toEqual([]);
      }
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('logs one line per request and shuts down cleanly on Ctrl-C', async () => {
    const serve = startServe(['--port', '0']);
    const url = await serve.url;
    const path = `/v1.0/deviceManagement/deviceCompliancePolicies/${DEFAULT_POLICY_ID}/userStatuses`;
    const listed = await request(`${url}${path}`, {
      headers: { authorization: `Bearer ${DEFAULT_TOKEN}` },
    });
    await listed.body.dump();
    const refused = await request(`${url}${path}`, { method: 'PUT' });
    await refused.body.dump();
    expect(await serve.stop()).toBe(0);
    const lines = serve.stderr().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^GET ${path.replace(/\./g, '\\.')} 200 \\d+\\.\\d ms$`)),
        expect.stringMatching(/^PUT \S+ 401 /),
        expect.stringContaining('stopped'),
      ]),
    );
    await expect(request(`${url}${path}`)).rejects.toThrow();
  });

  it('takes repeated --token and --policy-id, --seed with --preload, and --quiet', async () => {
    const serve = startServe([
      '--port',
      '0',
      '--token',
      'alpha',
      '--token',
      'beta',
      '--policy-id',
      'p1',
      '--policy-id',
      'p2',
      '--seed',
      '7',
      '--preload',
      '6',
      '--quiet',
    ]);
    const url = await serve.url;
    try {
      for (const [token, policy] of [
        ['alpha', 'p1'],
        ['beta', 'p2'],
      ]) {
        const response = await request(
          `${url}/deviceManagement/deviceCompliancePolicies/${policy}/userStatuses`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        expect(response.statusCode).toBe(200);
        expect(((await response.body.json()) as { value: unknown[] }).value).toHaveLength(3);
      }
      const defaults = await request(
        `${url}/deviceManagement/deviceCompliancePolicies/p1/userStatuses`,
        { headers: { authorization: `Bearer ${DEFAULT_TOKEN}` } },
      );
      await defaults.body.dump();
      expect(defaults.statusCode).toBe(401);
      expect(serve.stdout()).toContain("-H 'Authorization: Bearer alpha'");
      expect(serve.stdout()).toContain('/deviceCompliancePolicies/p1/userStatuses');
    } finally {
      expect(await serve.stop()).toBe(0);
    }
    expect(serve.stderr()).not.toMatch(/^GET /m);
  });

  it('serves the Pact state route with --enable-state-route, throttles with --throttle, self-checks with --self-check', async () => {
    const serve = startServe([
      '--port',
      '0',
      '--enable-state-route',
      '--throttle',
      '1/s',
      '--self-check',
    ]);
    const url = await serve.url;
    try {
      expect(serve.stdout()).toContain('self-check: on');
      const state = await request(`${url}/_pact/provider-states`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state: 's', params: { policyId: 'p9' }, action: 'setup' }),
      });
      expect(state.statusCode).toBe(200);
      await state.body.dump();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await request(
          `${url}/deviceManagement/deviceCompliancePolicies/p9/userStatuses`,
          { headers: { authorization: `Bearer ${DEFAULT_TOKEN}` } },
        );
        await response.body.dump();
        statuses.push(response.statusCode);
      }
      expect(statuses).toContain(200);
      expect(statuses).toContain(429);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('bounds the store by bytes with --store-capacity-bytes, and pages listings', async () => {
    const serve = startServe(['--port', '0', '--quiet', '--store-capacity-bytes', '5000']);
    const url = await serve.url;
    try {
      expect(serve.stdout()).toContain('5000 bytes');
      const path = `/v1.0/deviceManagement/deviceCompliancePolicies/${DEFAULT_POLICY_ID}/userStatuses`;
      const headers = { authorization: `Bearer ${DEFAULT_TOKEN}` };
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const created = await request(`${url}${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            userDisplayName: `${i}${'x'.repeat(1500)}`,
            devicesCount: i,
            status: 'compliant',
            lastReportedDateTime: '2020-06-14T20:52:52Z',
            userPrincipalName: null,
          }),
        });
        expect(created.statusCode).toBe(201);
        ids.push(((await created.body.json()) as { id: string }).id);
      }
      // About 1.7 kB each: two fit in 5,000 bytes, the oldest four were evicted.
      const listed: string[] = [];
      let next: string | undefined = `${url}${path}?$top=1`;
      while (next !== undefined) {
        const page = await request(next, { headers });
        expect(page.statusCode).toBe(200);
        const body = (await page.body.json()) as {
          value: { id: string }[];
          '@odata.nextLink'?: string;
        };
        listed.push(...body.value.map((item) => item.id));
        next = body['@odata.nextLink'];
      }
      expect(listed).toEqual(ids.slice(4));
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('exits 2 with a clear message when the port is in use', async () => {
    const first = startServe(['--port', '0']);
    const url = await first.url;
    try {
      const { code, stderr } = await runCli(['serve', '--port', new URL(url).port]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/already in use/);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await first.stop();
    }
  });

  it('exits 2 with a clear message when the host is not an address of this machine', async () => {
    // 192.0.2.1 is reserved for documentation (TEST-NET-1): never a local address.
    const { code, stderr } = await runCli(['serve', '--host', '192.0.2.1', '--port', '0']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not an address of this machine/);
  });

  it.each([
    [['--port', 'abc'], /--port must be an integer/],
    [['--port', '70000'], /--port must be an integer between 0 and 65535/],
    [['--preload', '-1'], /--preload/],
    [['--store-capacity-bytes', '0'], /--store-capacity-bytes must be an integer/],
    [['--throttle', 'fast'], /--throttle must be a rate/],
    [['--token', 'has space'], /bearer token/],
    [['--profile', 'loose'], /Allowed choices are documented, graph-metadata/],
  ])('exits 2 on a bad flag value (%j)', async (args, message) => {
    const { code, stderr } = await runCli(['serve', ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('teaches in --help: what it does, the defaults, examples and exit codes', async () => {
    const { code, stdout } = await runCli(['serve', '--help']);
    expect(code).toBe(0);
    for (const text of [
      '--port',
      '--token',
      '--policy-id',
      '--seed',
      '--preload',
      '--store-capacity',
      '--store-capacity-bytes',
      '--throttle',
      '--self-check',
      DEFAULT_TOKEN,
      DEFAULT_POLICY_ID,
      'Examples:',
      'Exit codes:',
    ]) {
      expect(stdout).toContain(text);
    }
  });
});

describe('serve as a process', () => {
  (HAS_CURL ? it : it.skip)(
    'starts with no flags but --port 0, answers the printed curl with 201, and stops on SIGINT',
    async () => {
      const child = spawn(
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          join('src', 'cli', 'main.ts'),
          'serve',
          '--port',
          '0',
        ],
        { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      try {
        await new Promise<void>((resolve, reject) => {
          const check = (): void => {
            if (stdout.includes('Ctrl-C')) resolve();
          };
          child.stdout.on('data', check);
          void exited.then(() => reject(new Error(`serve exited early: ${stderr}`)));
        });
        const curl = printedCurl(stdout).replace('curl -i', 'curl -sS -i');
        const { stdout: answer } = await promisify(execFile)('sh', ['-c', curl]);
        expect(answer).toMatch(/^HTTP\/1\.1 201 Created/);
      } finally {
        child.kill('SIGINT');
      }
      expect(await exited).toBe(0);
      expect(stderr).toContain('stopped');
    },
    20_000,
  );
});
