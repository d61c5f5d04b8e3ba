import { spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUserStatusInteractions } from '../../src/pact/createUserStatusInteractions';
import { DEFAULT_PACT_FILE } from '../../src/pact/pactNames';
import { createProvider, type Provider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { startTinyProvider } from '../contract/provider/brokenProviders/startTinyProvider';
import { BUILT_BIN } from '../helpers/builtBin';
import { runCli } from '../helpers/runCli';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, BUILT_BIN);
const TOKEN = 'cli-verify-token';
const POLICY_ID = 'cli-verify-policy';
const DESCRIPTIONS = Object.values(createUserStatusInteractions()).map((i) => i.description);

let provider: Provider;
let url: string;
let scratch: string;

beforeAll(async () => {
  provider = createProvider({ tokens: [TOKEN], policyIds: [POLICY_ID], enableStateRoute: true });
  ({ url } = await provider.listen({ port: 0 }));
  scratch = mkdtempSync(join(tmpdir(), 'verify-cli-'));
});
afterAll(async () => {
  await provider.close();
  rmSync(scratch, { recursive: true, force: true });
});

function expectEveryInteractionPassed(stdout: string): void {
  for (const description of DESCRIPTIONS) {
    expect(stdout).toMatch(new RegExp(`^PASS +${escape(description)}( \\(given .*\\))?$`, 'm'));
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('user-status-contracts verify', () => {
  it('exits 0 and lists every interaction as passed against the reference provider', async () => {
    const { code, stdout, stderr } = await runCli([
      'verify',
      '--base-url',
      url,
      '--token',
      TOKEN,
      '--policy-id',
      POLICY_ID,
    ]);
    expect(stderr).toContain(`5 interaction(s) verified: 5 passed, 0 failed`);
    expect(code).toBe(0);
    expectEveryInteractionPassed(stdout);
  });

  it('exits 0 when the provider sets the states up itself (--state-setup-url)', async () => {
    const { code, stdout } = await runCli([
      'verify',
      '--base-url',
      url,
      '--token',
      TOKEN,
      '--state-setup-url',
      `${url}/_pact/provider-states`,
    ]);
    expect(code).toBe(0);
    expectEveryInteractionPassed(stdout);
  });

  it('exits 1 with a hint naming --state-setup-url when the states cannot be set up there', async () => {
    const { code, stdout, stderr } = await runCli([
      'verify',
      '--base-url',
      url,
      '--token',
      TOKEN,
      '--state-setup-url',
      `${url}/no-such-state-route`,
    ]);
    expect(stdout).toMatch(/STATE {3}"a device compliance policy exists" could not be set up/);
    expect(stderr).toMatch(
      /hint: \d+ provider state change\(s\) failed at --state-setup-url .*\/no-such-state-route: it must answer 2xx/,
    );
    expect(code).toBe(1);
  });

  it('reads the pact from a URL (a pact served over loopback HTTP)', async () => {
    const pact = readFileSync(DEFAULT_PACT_FILE);
    const requested: string[] = [];
    const server: Server = createServer((req, res) => {
      requested.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(pact);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const pactUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pact.json`;
    try {
      const { code, stdout } = await runCli([
        'verify',
        '--base-url',
        url,
        '--token',
        TOKEN,
        '--policy-id',
        POLICY_ID,
        '--pact',
        pactUrl,
      ]);
      expect(code).toBe(0);
      expectEveryInteractionPassed(stdout);
      // Once for the readability check, once by the verifier itself.
      expect(requested.filter((path) => path === '/pact.json').length).toBeGreaterThanOrEqual(2);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('exits 1 and prints the JSON path, expected and actual for a broken provider', async () => {
    const tiny = await startTinyProvider('devicesCountAsString', {
      token: TOKEN,
      policyId: POLICY_ID,
    });
    try {
      const { code, stdout, stderr } = await runCli([
        'verify',
        '--base-url',
        tiny.url,
        '--token',
        TOKEN,
        '--policy-id',
        POLICY_ID,
      ]);
      expect(code).toBe(1);
      expect(stdout).toMatch(/^FAIL +a request to create a user status \(given/m);
      expect(stdout).toContain('$.devicesCount: expected 3, actual "3"');
      expect(stderr).toContain('5 interaction(s) verified: 3 passed, 2 failed');
    } finally {
      await tiny.close();
    }
  });

  it('hints at --policy-id when the provider answers 404 for a policy that should exist', async () => {
    const { code, stderr } = await runCli([
      'verify',
      '--base-url',
      url,
      '--token',
      TOKEN,
      '--policy-id',
      'not-on-this-provider',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('hint: the provider answered 404');
    expect(stderr).toContain('"not-on-this-provider" (--policy-id)');
  });

  it('hints at --token when the provider answers 401 to the recorded token', async () => {
    const { code, stderr } = await runCli(['verify', '--base-url', url, '--policy-id', POLICY_ID]);
    expect(code).toBe(1);
    expect(stderr).toContain('pass a token it accepts with --token');
  });

  it('stops the verifier when interrupted (Ctrl-C), and says so', async () => {
    let interrupt: () => void = () => undefined;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    const running = runCli(
      ['verify', '--base-url', url, '--token', TOKEN, '--policy-id', POLICY_ID],
      { interrupted },
    );
    setTimeout(interrupt, 50);
    const { code, stdout, stderr } = await running;
    expect(stderr).toContain('interrupted before the verification finished');
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it.each([
    [['--token', TOKEN], '--policy-id'],
    [['--policy-id', 'p', '--publish'], '--publish needs --provider-version'],
    [['--policy-id', 'p', '--publish', '--provider-version', '1'], 'give --broker-url'],
    [
      ['--policy-id', 'p', '--enable-pending'],
      '--enable-pending only applies to pacts from a Pact Broker',
    ],
    [['--policy-id', 'p', '--consumer-version-selectors', '[{"mainBranch":true}]'], '--broker-url'],
    [
      [
        '--policy-id',
        'p',
        '--broker-url',
        'http://127.0.0.1:9',
        '--consumer-version-selectors',
        '{x',
      ],
      '--consumer-version-selectors must be JSON',
    ],
    [
      [
        '--policy-id',
        'p',
        '--broker-url',
        'http://127.0.0.1:9',
        '--consumer-version-selectors',
        '[1]',
      ],
      'non-empty array of objects',
    ],
    [
      [
        '--policy-id',
        'p',
        '--broker-url',
        'http://127.0.0.1:9',
        '--include-wip-since',
        '2025-02-30',
      ],
      '--include-wip-since must be a date',
    ],
    [['--policy-id', 'p', '--broker-token', 'secret'], '--broker-token needs --broker-url'],
    [
      ['--policy-id', 'p', '--state-setup-url', 'not a url'],
      '--state-setup-url must be an http(s) URL',
    ],
    [['--policy-id', 'p', '--token', 'has space'], '--token must be a bearer token'],
  ])('exits 2 for the bad flags %j', async (flags, message) => {
    const { code, stderr } = await runCli(['verify', '--base-url', url, ...flags]);
    expect(stderr).toContain(message);
    expect(code).toBe(2);
  });

  it('exits 2 when --base-url is not a URL or is missing', async () => {
    expect(
      (await runCli(['verify', '--base-url', 'localhost:4010', '--policy-id', 'p'])).code,
    ).toBe(2);
    const missing = await runCli(['verify', '--policy-id', 'p']);
    expect(missing.stderr).toContain("required option '--base-url <url>'");
    expect(missing.code).toBe(2);
  });

  it('exits 2 with a clear message when the provider cannot be reached', async () => {
    const closed = createProvider();
    const { url: gone } = await closed.listen({ port: 0 });
    await closed.close();
    const { code, stderr } = await runCli(['verify', '--base-url', gone, '--policy-id', 'p']);
    expect(stderr).toContain(`cannot reach the provider at ${gone}`);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(code).toBe(2);
  });

  it('exits 2 naming a provider that accepts connections but never answers within --request-timeout', async () => {
    const stuck: Server = createServer(() => undefined); // takes every request, answers none
    await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', resolve));
    const stuckUrl = `http://127.0.0.1:${(stuck.address() as AddressInfo).port}`;
    try {
      const { code, stderr } = await runCli([
        'verify',
        '--base-url',
        stuckUrl,
        '--policy-id',
        'p',
        '--request-timeout',
        '1000',
      ]);
      expect(stderr).toContain(
        `the provider at ${stuckUrl} did not answer within 1000 ms (--request-timeout): is it stuck?`,
      );
      expect(code).toBe(2);
    } finally {
      stuck.closeAllConnections();
      await new Promise((resolve) => stuck.close(resolve));
    }
  });

  it('exits 2 when the Pact Broker cannot be reached', async () => {
    const closed = createProvider();
    const { url: gone } = await closed.listen({ port: 0 });
    await closed.close();
    const { code, stderr } = await runCli([
      'verify',
      '--base-url',
      url,
      '--policy-id',
      POLICY_ID,
      '--broker-url',
      gone,
      '--broker-token',
      'secret',
      '--consumer-version-selectors',
      '[{"mainBranch":true},{"deployedOrReleased":true}]',
      '--enable-pending',
      '--include-wip-since',
      '2025-01-31',
      '--publish',
      '--provider-version',
      '1.2.3',
      '--provider-branch',
      'main',
    ]);
    expect(stderr).toContain(`cannot reach the Pact Broker at ${gone}`);
    expect(code).toBe(2);
  });

  it('exits 2 for a pact file that is missing, not JSON, or not a pact', async () => {
    const notJson = join(scratch, 'not-json.json');
    const notPact = join(scratch, 'not-pact.json');
    writeFileSync(notJson, '{ "interactions": [');
    writeFileSync(notPact, '{ "hello": "world" }');
    const base = ['verify', '--base-url', url, '--policy-id', POLICY_ID, '--pact'];
    const missing = await runCli([...base, join(scratch, 'missing.json')]);
    expect(missing.stderr).toContain('no such file');
    expect(missing.code).toBe(2);
    const broken = await runCli([...base, notJson]);
    expect(broken.stderr).toContain('is not JSON');
    expect(broken.code).toBe(2);
    const other = await runCli([...base, notPact]);
    expect(other.stderr).toContain('is not a pact');
    expect(other.code).toBe(2);
  });

  it('verifies every .json pact in a folder, skipping other files, and refuses an empty folder', async () => {
    const folder = join(scratch, 'pacts');
    const empty = join(scratch, 'empty');
    mkdirSync(folder);
    mkdirSync(empty);
    copyFileSync(DEFAULT_PACT_FILE, join(folder, 'a-pact.json'));
    writeFileSync(join(folder, '.gitkeep'), '');
    writeFileSync(join(empty, 'README.md'), 'no pacts here');
    const base = [
      'verify',
      '--base-url',
      url,
      '--token',
      TOKEN,
      '--policy-id',
      POLICY_ID,
      '--pact',
    ];
    const full = await runCli([...base, folder]);
    expect(full.code).toBe(0);
    expectEveryInteractionPassed(full.stdout);
    const none = await runCli([...base, empty]);
    expect(none.stderr).toContain('holds no pact (.json) file');
    expect(none.code).toBe(2);
  });

  it('exits 2 for a pact URL that answers 404', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const { code, stderr } = await runCli([
        'verify',
        '--base-url',
        url,
        '--policy-id',
        POLICY_ID,
        '--pact',
        `http://127.0.0.1:${port}/no-such-pact.json`,
      ]);
      expect(stderr).toContain('answered 404');
      expect(code).toBe(2);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('teaches in --help: the states, examples and exit codes', async () => {
    const { code, stdout } = await runCli(['verify', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--state-setup-url');
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('Exit codes: 0 every interaction passed, 1 any interaction failed, 2');
  });
});

describe('the built user-status-contracts bin', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGINT');
  });

  function runBin(
    args: readonly string[],
    { script = true }: { script?: boolean } = {},
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const argv = script ? [BIN, ...args] : [...args];
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    return new Promise((resolve) =>
      child.once('close', (code) => resolve({ code, stdout, stderr })),
    );
  }

  it('is built (npm test builds before it runs jest)', () => {
    expect(existsSync(BIN)).toBe(true);
  });

  it('verifies against `serve`, exits 0 and lists every interaction', async () => {
    const serve = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(serve);
    const served = await new Promise<string>((resolve, reject) => {
      let out = '';
      serve.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const found = /listening on (http:\/\/\S+)/.exec(out)?.[1];
        if (found !== undefined) resolve(found);
      });
      serve.once('close', (code) => reject(new Error(`serve exited with ${String(code)}: ${out}`)));
    });
    try {
      const { code, stdout, stderr } = await runBin([
        'verify',
        '--base-url',
        served,
        '--token',
        DEFAULT_TOKEN,
        '--policy-id',
        DEFAULT_POLICY_ID,
      ]);
      expect(stderr).toContain('5 passed, 0 failed');
      expect(code).toBe(0);
      expectEveryInteractionPassed(stdout);
      // The native verifier's own report stays out of the output.
      expect(stdout).not.toContain('Verifying a pact between');
    } finally {
      serve.kill('SIGINT');
    }
  });

  it('lists verify and compare in its help', async () => {
    const { code, stdout } = await runBin(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ +verify /m);
    expect(stdout).toMatch(/^ +compare /m);
  });

  it('does not load Pact or the comparator for --help', async () => {
    const probe = [
      `const { run } = require(${JSON.stringify(join(ROOT, 'dist', 'cli', 'run.js'))});`,
      "const { Readable, Writable } = require('node:stream');",
      'const io = { stdin: Readable.from([]), stdoutStream: new Writable({ write: (c, e, cb) => cb() }),',
      '  stdout: () => {}, stderr: () => {}, isTTY: false, env: {}, interrupted: new Promise(() => {}) };',
      "run(['verify', '--help'], io).then(() => run(['compare', '--help'], io)).then(() => {",
      '  const loaded = Object.keys(require.cache).filter((k) => /@pact-foundation|@pactflow/.test(k));',
      '  console.log(JSON.stringify(loaded));',
      '  process.exit(0);',
      '});',
    ].join('\n');
    const { code, stdout } = await runBin(['-e', probe], { script: false });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });
});
