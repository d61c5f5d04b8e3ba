import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator, XMLParser } from 'fast-xml-parser';
import { faultScheduleFromList } from '../../src/faults/faultScheduleFromList';
import type { FuzzReport } from '../../src/fuzz/FuzzReport';
import { createProvider, type Provider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { startDefectiveProvider, type DefectiveProvider } from '../fuzz/gallery/defectiveProvider';
import { GALLERY } from '../fuzz/gallery/defects';
import { runCli } from '../helpers/runCli';

const noAuth = GALLERY.find((entry) => entry.check === 'ignored_auth');
let provider: Provider;
let url: string;
let broken: DefectiveProvider;
let dir: string;

beforeAll(async () => {
  provider = createProvider({ selfCheck: true });
  ({ url } = await provider.listen({ host: '127.0.0.1', port: 0 }));
  if (!noAuth) throw new Error('the gallery has no ignored_auth entry');
  broken = await startDefectiveProvider(noAuth.defect);
  dir = await mkdtemp(join(tmpdir(), 'fuzz-cli-'));
});

afterAll(async () => {
  await provider.close();
  await broken.close();
  await rm(dir, { recursive: true, force: true });
});

const target = (baseUrl: string) => [
  '--base-url',
  baseUrl,
  '--token',
  DEFAULT_TOKEN,
  '--policy-id',
  DEFAULT_POLICY_ID,
];

describe('user-status-contracts fuzz', () => {
  it('exits 0 with a summary and well-formed JUnit XML against the reference provider', async () => {
    const junit = join(dir, 'clean.xml');
    const json = join(dir, 'clean.json');
    const result = await runCli([
      'fuzz',
      ...target(url),
      '--seed',
      '3',
      '--runs',
      '20',
      '--report',
      `junit=${junit}`,
      '--report',
      `json=${json}`,
    ]);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/No findings\./);
    expect(result.stdout).toMatch(/ok\s+ignored_auth/);
    const xml = await readFile(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      testsuites: { testsuite: { testcase: unknown[]; '@_failures': string } };
    };
    expect(parsed.testsuites.testsuite.testcase).toHaveLength(14);
    expect(parsed.testsuites.testsuite['@_failures']).toBe('0');
    const report = JSON.parse(await readFile(json, 'utf8')) as {
      seed: number;
      findings: unknown[];
    };
    expect(report).toMatchObject({ seed: 3, findings: [] });
  }, 60_000);

  it('exits 1 on a broken provider, prints a redacted curl, writes the failure into JUnit and saves it for --replay', async () => {
    const junit = join(dir, 'broken.xml');
    const failures = join(dir, 'failures.json');
    const result = await runCli([
      'fuzz',
      ...target(broken.url),
      '--seed',
      '3',
      '--runs',
      '20',
      '--checks',
      'ignored_auth',
      '--report',
      `junit=${junit}`,
      '--save-failures',
      failures,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /ignored_auth: a create with a (missing|malformed|wrong) bearer token was answered 201/,
    );
    expect(result.stdout).toMatch(/reproduce: curl /);
    expect(result.stdout).not.toContain(DEFAULT_TOKEN);
    // The reproduction sends what the check sent (no, a malformed or a wrong token), not $TOKEN.
    expect(result.stdout).not.toMatch(/reproduce: curl .*\$TOKEN/);
    // One handle per finding: its id in the failures file, never a second seed.
    expect(result.stdout).not.toMatch(/seed \d+, path "/);
    const ids = [
      ...result.stdout.matchAll(/replay: {4}.* --replay \S+ --finding ([0-9a-f]{10}) /g),
    ].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/FAILURE ignored_auth/);
    expect(result.stdout).toMatch(/rule: {5}bad-token-refused, from the contract: /);
    const xml = await readFile(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<failure message="a create with a/);
    // JUnit: one test case per distinct finding.
    for (const id of ids) expect(xml).toContain(`(${id})`);

    const one = await runCli([
      'fuzz',
      ...target(broken.url),
      '--replay',
      failures,
      '--finding',
      ids[0] ?? '',
    ]);
    expect(one.stderr).toContain('replaying 1 finding(s)');
    expect(one.stdout).toMatch(new RegExp(`still failing\\s+${ids[0]}\\s+ignored_auth`));
    const unknown = await runCli([
      'fuzz',
      ...target(broken.url),
      '--replay',
      failures,
      '--finding',
      'nope',
    ]);
    expect(unknown.stderr).toMatch(/has no finding nope; its findings are [0-9a-f]{10}/);
    expect(unknown.code).toBe(2);

    // The saved findings are shared as CI artifacts: they carry no token, yet replay works.
    expect(await readFile(failures, 'utf8')).not.toContain(DEFAULT_TOKEN);

    const stillBroken = await runCli(['fuzz', ...target(broken.url), '--replay', failures]);
    expect(stillBroken.code).toBe(1);
    expect(stillBroken.stdout).toMatch(/still failing\s+[0-9a-f]{10}\s+ignored_auth/);
    // Without --base-url and --policy-id, the saved run's target is replayed; the token is asked for.
    const fromFile = await runCli(['fuzz', '--token', DEFAULT_TOKEN, '--replay', failures]);
    expect(fromFile.stderr).toContain(`against ${broken.url} (policy ${DEFAULT_POLICY_ID})`);
    expect(fromFile.stdout).toMatch(/still failing\s+[0-9a-f]{10}\s+ignored_auth/);
    expect(fromFile.code).toBe(1);
    const noToken = await runCli(['fuzz', '--replay', failures]);
    expect(noToken.stderr).toMatch(/--replay needs --token.*holds \$TOKEN, never the token/);
    expect(noToken.code).toBe(2);
    const fixed = await runCli(['fuzz', ...target(url), '--replay', failures]);
    expect(fixed.stdout).toMatch(/fixed\s+[0-9a-f]{10}\s+ignored_auth/);
    expect(fixed.code).toBe(0);
  }, 60_000);

  it('names --max-response-time where a check depends on it, in the findings and the JSON report', async () => {
    // Every request is answered 20 ms late, so a 1 ms limit is broken whatever the machine.
    const late = createProvider({
      faults: faultScheduleFromList(
        Array.from({ length: 2000 }, (_, index) => ({ at: index + 1, kind: 'latency', ms: 20 })),
      ),
    });
    const { url: lateUrl } = await late.listen({ host: '127.0.0.1', port: 0 });
    const json = join(dir, 'late.json');
    try {
      const result = await runCli([
        'fuzz',
        ...target(lateUrl),
        '--checks',
        'max_response_time',
        '--max-response-time',
        '1',
        '--runs',
        '1',
        '--no-save-failures',
        '--report',
        `json=${json}`,
      ]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        'max-response-time, from your option: --max-response-time (your limit)',
      );
      const report = JSON.parse(await readFile(json, 'utf8')) as FuzzReport;
      expect(report.checks[0]?.description).toBe(
        'every answer arrives within --max-response-time milliseconds',
      );
      expect(report.findings[0]?.source.ref).toBe('--max-response-time (your limit)');
    } finally {
      await late.close();
    }
  }, 60_000);

  it('reproduces a wrong bearer token as it was sent, not as $TOKEN', async () => {
    // A realistic bug: the server checks that a bearer token is there, not that it is valid.
    const anyBearer = await startDefectiveProvider({
      request: (request) =>
        /^Bearer wrong-/.test(request.headers['authorization'] ?? '')
          ? {
              ...request,
              headers: { ...request.headers, authorization: `Bearer ${DEFAULT_TOKEN}` },
            }
          : request,
    });
    try {
      const result = await runCli([
        'fuzz',
        ...target(anyBearer.url),
        '--seed',
        '3',
        '--runs',
        '20',
        '--checks',
        'ignored_auth',
        '--no-save-failures',
      ]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /ignored_auth: a create with a wrong bearer token was answered 201/,
      );
      expect(result.stdout).toMatch(/reproduce: curl .*'authorization: Bearer wrong-/);
      expect(result.stdout).not.toMatch(/reproduce: curl .*\$TOKEN/);
    } finally {
      await anyBearer.close();
    }
  }, 60_000);

  it('redacts the token a server echoes back, in stdout, the failures file and the reports', async () => {
    // A server that declares text/plain (a finding on every answer) and echoes the Authorization
    // header in a response header and in the body.
    const echoing = await startDefectiveProvider({
      response: (response, request) => ({
        status: response.status,
        headers: {
          ...response.headers,
          'content-type': 'text/plain',
          'x-echo': request.headers['authorization'] ?? '',
        },
        body: `${response.body} seen: ${request.headers['authorization'] ?? ''}`,
      }),
    });
    const failures = join(dir, 'echo-failures.json');
    const json = join(dir, 'echo.json');
    const junit = join(dir, 'echo.xml');
    try {
      const result = await runCli([
        'fuzz',
        ...target(echoing.url),
        '--seed',
        '3',
        '--runs',
        '5',
        '--checks',
        'content_type_conformance',
        '--save-failures',
        failures,
        '--report',
        `json=${json}`,
        '--report',
        `junit=${junit}`,
      ]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/FAILURE content_type_conformance/);
      expect(result.stdout).toContain('seen: Bearer $TOKEN');
      for (const text of [
        result.stdout,
        result.stderr,
        await readFile(failures, 'utf8'),
        await readFile(json, 'utf8'),
        await readFile(junit, 'utf8'),
      ]) {
        expect(text).not.toContain(DEFAULT_TOKEN);
      }
      const shown = await runCli([
        'fuzz',
        ...target(echoing.url),
        '--seed',
        '3',
        '--runs',
        '5',
        '--checks',
        'content_type_conformance',
        '--no-save-failures',
        '--show-token',
      ]);
      expect(shown.stdout).toContain(`seen: Bearer ${DEFAULT_TOKEN}`);
    } finally {
      await echoing.close();
    }
  }, 60_000);

  it('redacts the bearer token in reproductions unless --show-token is given', async () => {
    const anyPolicy = GALLERY.find((entry) => entry.check === 'unknown_parent');
    if (!anyPolicy) throw new Error('the gallery has no unknown_parent entry');
    const lenient = await startDefectiveProvider(anyPolicy.defect);
    try {
      const args = [
        'fuzz',
        ...target(lenient.url),
        '--seed',
        '3',
        '--runs',
        '10',
        '--checks',
        'unknown_parent',
        '--no-save-failures',
      ];
      const redacted = await runCli(args);
      expect(redacted.code).toBe(1);
      expect(redacted.stdout).toContain('-H "authorization: Bearer $TOKEN"');
      expect(redacted.stdout).not.toContain(DEFAULT_TOKEN);
      const shown = await runCli([...args, '--show-token']);
      expect(shown.stdout).toContain(`'authorization: Bearer ${DEFAULT_TOKEN}'`);
    } finally {
      await lenient.close();
    }
  }, 60_000);

  it('exits 2 with a clear message when the server cannot be reached', async () => {
    const result = await runCli(['fuzz', ...target('http://127.0.0.1:9'), '--runs', '5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /cannot reach http:\/\/127\.0\.0\.1:9: connection refused\. Is the server running/,
    );
    expect(result.stdout).not.toMatch(/finding/i);
  });

  it('exits 2 saying the server closed the connection, not that it cannot be reached', async () => {
    const dropping: Server = createServer((socket) => {
      socket.once('data', () => socket.destroy());
    });
    await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
    const droppingUrl = `http://127.0.0.1:${(dropping.address() as AddressInfo).port}`;
    try {
      const result = await runCli(['fuzz', ...target(droppingUrl), '--runs', '5']);
      expect(result.stderr).toMatch(/accepted the connection but closed it without answering/);
      expect(result.stderr).not.toMatch(/cannot reach/);
      expect(result.code).toBe(2);
    } finally {
      await new Promise((resolve) => dropping.close(resolve));
    }
  });

  it('exits 2 naming --request-timeout when the server accepts connections but never answers', async () => {
    const sockets = new Set<Socket>();
    const stuck: Server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', resolve));
    const stuckUrl = `http://127.0.0.1:${(stuck.address() as AddressInfo).port}`;
    try {
      const result = await runCli([
        'fuzz',
        ...target(stuckUrl),
        '--runs',
        '5',
        '--request-timeout',
        '300',
      ]);
      expect(result.stderr).toMatch(
        /did not answer a valid create: no complete response within 300 ms\. Is the server stuck, or slower than --request-timeout allows\?/,
      );
      expect(result.code).toBe(2);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => stuck.close(resolve));
    }
  });

  it.each([
    [['--token', 'not-the-token'], /answered 401: the server does not accept --token/],
    [['--policy-id', 'no-such-policy'], /answered 404: check that --policy-id names a policy/],
  ])(
    'exits 2 with one clear message when %s is wrong, not a storm of findings',
    async (flags, message) => {
      const result = await runCli(['fuzz', ...target(url), ...flags, '--runs', '5']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).not.toMatch(/finding/i);
    },
  );

  it('gives every scenario a share of --max-time, so a slow first one cannot crowd out the rest', async () => {
    const path = join(dir, 'budget.json');
    const result = await runCli([
      'fuzz',
      ...target(url),
      '--seed',
      '5',
      '--runs',
      '1000000',
      '--max-time',
      // Half a second or more per scenario even when a loaded machine lets one overrun its share.
      '8',
      // Paced, so the campaign waits out its budget instead of keeping a core busy for all of it.
      '--rate-limit',
      '50',
      '--report',
      `json=${path}`,
      '--no-save-failures',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(path, 'utf8')) as {
      checks: Array<{ name: string; cases: number }>;
    };
    expect(report.checks.filter((check) => check.cases === 0)).toEqual([]);
  }, 60_000);

  it('refuses a remote target without --allow-remote', async () => {
    const result = await runCli([
      'fuzz',
      ...target('https://graph.microsoft.com/v1.0'),
      '--runs',
      '5',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a loopback address.*--allow-remote/);
  });

  it.each([
    [['--runs', '0'], /--runs must be an integer at least 1/],
    [['--checks', 'no_such_check'], /unknown check "no_such_check"/],
    [['--shard', '3/2'], /--shard must be i\/n/],
    [['--rate-limit', 'fast'], /--rate-limit must be a rate/],
    [['--report', 'html=x.html'], /--report takes json=PATH or junit=PATH/],
    [['--checks', 'max_response_time'], /max_response_time needs a limit/],
  ])('exits 2 on a bad flag value: %s', async (flags, message) => {
    const result = await runCli(['fuzz', ...target(url), ...flags]);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
  });

  it.each([
    [
      (d: string) => ['--report', `json=${join(d, 'missing', 'r.json')}`, '--no-save-failures'],
      /cannot write --report json=.*the directory .*missing does not exist/,
    ],
    [
      (d: string) => ['--report', `junit=${d}`, '--save-failures', join(d, 'f.json')],
      /cannot write --report junit=.*it is a directory/,
    ],
    [(d: string) => ['--save-failures', d], /cannot write --save-failures .*it is a directory/],
  ])(
    'refuses an output it could not write before sending a request (%#)',
    async (flags, message) => {
      const storedBefore = provider.store.size;
      const result = await runCli(['fuzz', ...target(url), '--runs', '100000', ...flags(dir)]);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).not.toMatch(/case\(s\)/);
      expect(provider.store.size).toBe(storedBefore); // not even the probe create was sent
      expect(result.code).toBe(2);
    },
  );

  it('refuses to replay against a remote server without --allow-remote', async () => {
    const saved = join(dir, 'remote-failures.json');
    await writeFile(
      saved,
      JSON.stringify({
        format: 'user-status-contracts/fuzz-failures',
        version: 1,
        target: { baseUrl: 'https://graph.microsoft.com/v1.0', policyId: 'p' },
        seed: 1,
        findings: [],
      }),
    );
    const result = await runCli(['fuzz', '--token', 't', '--replay', saved]);
    expect(result.stderr).toMatch(
      /refusing to send requests to graph\.microsoft\.com.*--allow-remote/,
    );
    expect(result.code).toBe(2);
  });

  it('exits 2 when the target flags are missing, pointing at check', async () => {
    const result = await runCli(['fuzz', '--runs', '5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/fuzz needs --base-url, --token, --policy-id.*"check"/);
  });

  it('splits one seeded campaign into shards deterministically', async () => {
    const shard = async (spec: string) =>
      JSON.parse(
        await (async () => {
          const path = join(dir, `shard-${spec.replace('/', '-')}.json`);
          const result = await runCli([
            'fuzz',
            ...target(url),
            '--seed',
            '9',
            '--runs',
            '40',
            '--checks',
            'unknown_parent',
            '--shard',
            spec,
            '--report',
            `json=${path}`,
          ]);
          expect(result.code).toBe(0);
          return readFile(path, 'utf8');
        })(),
      ) as { cases: number; shard: { index: number; count: number } };
    const [first, second, again] = [await shard('1/2'), await shard('2/2'), await shard('1/2')];
    expect(first.shard).toEqual({ index: 1, count: 2 });
    expect(second.cases).toBeGreaterThan(0);
    expect(again.cases).toBe(first.cases);
  }, 60_000);
});
