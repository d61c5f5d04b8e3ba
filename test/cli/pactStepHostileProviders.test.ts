import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_BIN } from '../helpers/builtBin';
import { runCli } from '../helpers/runCli';

// The Pact step of verify and check against small hostile servers on 127.0.0.1: one that echoes
// the bearer token, one whose answers never end, one that never answers, one that hangs up.

const TOKEN = 'hostile-provider-secret-token';
const POLICY_ID = 'p';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Hostile {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/**
 * A server whose POSTs get `onPost`; anything else (the reachability probe's GET) gets `onOther`,
 * by default a plain 200.
 */
async function startHostile(onPost: Handler, onOther?: Handler): Promise<Hostile> {
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST') {
      onPost(req, res);
    } else if (onOther) onOther(req, res);
    else res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Answers 201 with the request's Authorization header in every field and in a header. */
const echoToken: Handler = (req, res) => {
  const auth = req.headers.authorization ?? '';
  res.writeHead(201, { 'content-type': 'application/json', 'x-echo': auth });
  res.end(
    JSON.stringify({
      '@odata.type': auth,
      id: auth,
      devicesCount: auth,
      status: auth,
      lastReportedDateTime: auth,
      error: { code: auth, message: `token ${auth}` },
    }),
  );
};

/** Hangs up without answering. */
const hangUp: Handler = (req) => void req.socket.destroy();

/** Never answers. */
const neverAnswer: Handler = () => undefined;

/**
 * Answers 201 and then streams the body for as long as the client reads it (bounded at 32 MiB per
 * answer so that a client that reads everything cannot eat the machine).
 */
const endlessBody: Handler = (_req, res) => {
  res.writeHead(201, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const pump = (): void => {
    while (sent < 32 * 1024 * 1024) {
      if (res.destroyed) return;
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.write('{"devicesCount":"');
  pump();
};

const target = (url: string): string[] => [
  '--base-url',
  url,
  '--token',
  TOKEN,
  '--policy-id',
  POLICY_ID,
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pact-step-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the Pact step and the bearer token a server echoes', () => {
  it('verify prints $TOKEN where the server echoed the token, and the token with --show-token', async () => {
    const server = await startHostile(echoToken);
    try {
      const hidden = await runCli(['verify', ...target(server.url)]);
      expect(hidden.stdout).toContain('$TOKEN');
      expect(hidden.stdout + hidden.stderr).not.toContain(TOKEN);
      expect(hidden.code).toBe(1);
      const shown = await runCli(['verify', ...target(server.url), '--show-token']);
      expect(shown.stdout).toContain(TOKEN);
      expect(shown.code).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('check keeps the token out of its Pact output and the Pact parts of its reports', async () => {
    const server = await startHostile(echoToken);
    const json = join(dir, 'echo.json');
    const junit = join(dir, 'echo.xml');
    try {
      const result = await runCli([
        'check',
        ...target(server.url),
        '--runs',
        '1',
        '--max-time',
        '5',
        '--no-save-failures',
        '--report',
        `json=${json}`,
        '--report',
        `junit=${junit}`,
      ]);
      const pactOutput = result.stdout.slice(0, result.stdout.indexOf('\n\n'));
      expect(pactOutput).toMatch(/^Pact verification:\n/);
      expect(pactOutput).toContain('$TOKEN');
      expect(pactOutput).not.toContain(TOKEN);
      const report = JSON.parse(await readFile(json, 'utf8')) as { pact: unknown };
      expect(JSON.stringify(report.pact)).not.toContain(TOKEN);
      const xml = await readFile(junit, 'utf8');
      const pactSuite = /<testsuite name="pact"[\s\S]*?<\/testsuite>/.exec(xml)?.[0] ?? '';
      expect(pactSuite).toContain('$TOKEN');
      expect(pactSuite).not.toContain(TOKEN);
    } finally {
      await server.close();
    }
  });
});

describe('the Pact step and answers too large to keep', () => {
  /** Runs the built bin, sampling the peak resident memory (VmHWM) of it and of its children. */
  function runBinMeasured(
    args: readonly string[],
  ): Promise<{ code: number | null; stdout: string; stderr: string; peakMegabytes: number[] }> {
    const child = spawn(process.execPath, [BUILT_BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString('utf8')));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    const peaks = new Map<number, number>();
    const read = (path: string): string => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return '';
      }
    };
    const sample = (): void => {
      const pids = child.pid === undefined ? [] : [child.pid];
      for (let i = 0; i < pids.length; i++) {
        const pid = pids[i] as number;
        const children = read(`/proc/${pid}/task/${pid}/children`).trim();
        if (children !== '') pids.push(...children.split(/\s+/).map(Number));
        const kilobytes = Number(/VmHWM:\s*(\d+) kB/.exec(read(`/proc/${pid}/status`))?.[1] ?? 0);
        peaks.set(pid, Math.max(peaks.get(pid) ?? 0, kilobytes));
      }
    };
    const timer = setInterval(sample, 25);
    return new Promise((resolve) =>
      child.once('close', (code) => {
        clearInterval(timer);
        resolve({
          code,
          stdout,
          stderr,
          peakMegabytes: [...peaks.values()].map((kilobytes) => Math.round(kilobytes / 1024)),
        });
      }),
    );
  }

  const linux = process.platform === 'linux' ? it : it.skip;

  linux(
    'verify reads at most 1 MiB of an answer, says so, and stays small',
    async () => {
      const server = await startHostile(endlessBody);
      try {
        const result = await runBinMeasured(['verify', ...target(server.url)]);
        expect(result.stdout).toMatch(/^FAIL +a request to create a user status \(given/m);
        expect(result.stdout).toMatch(/larger than 1 MiB/);
        expect(result.stdout.length).toBeLessThan(64 * 1024);
        expect(result.code).toBe(1);
        // The verifier and its worker: about 100 MB each on a small answer.
        expect(result.peakMegabytes.length).toBeGreaterThanOrEqual(2);
        for (const peak of result.peakMegabytes) expect(peak).toBeLessThan(250);
      } finally {
        await server.close();
      }
    },
    20_000,
  );

  it("check's Pact output and JSON report stay small", async () => {
    const server = await startHostile(endlessBody);
    const json = join(dir, 'large.json');
    try {
      const result = await runCli([
        'check',
        ...target(server.url),
        '--runs',
        '1',
        '--max-time',
        '8',
        '--checks',
        'status_code_conformance',
        '--no-save-failures',
        '--report',
        `json=${json}`,
      ]);
      const pactOutput = result.stdout.slice(0, result.stdout.indexOf('\n\n'));
      expect(pactOutput).toMatch(/larger than 1 MiB/);
      expect(pactOutput.length).toBeLessThan(16 * 1024);
      const report = JSON.parse(await readFile(json, 'utf8')) as { pact: unknown };
      expect(JSON.stringify(report.pact).length).toBeLessThan(256 * 1024);
    } finally {
      await server.close();
    }
  }, 20_000);
});

describe('the Pact step and time limits', () => {
  it('verify --request-timeout bounds each request and names the timeout', async () => {
    const server = await startHostile(neverAnswer);
    try {
      // Short, as the server never answers: each of the five requests waits it out in full.
      const result = await runCli(['verify', ...target(server.url), '--request-timeout', '250']);
      expect(result.stdout).toMatch(
        /^FAIL +a request to create a user status \(given.*\n +timed out: no complete answer within 250 ms \(--request-timeout\)/m,
      );
      expect(result.stdout).not.toMatch(/expected , /);
      expect(result.code).toBe(1);
    } finally {
      await server.close();
    }
  }, 15_000);

  it("check's Pact step counts against --max-time and names what stopped each request", async () => {
    const server = await startHostile(neverAnswer);
    try {
      // Five requests of 1 s each cannot all fit in a 4 s budget, however fast the start.
      const result = await runCli([
        'check',
        ...target(server.url),
        '--max-time',
        '4',
        '--request-timeout',
        '1000',
        '--no-save-failures',
      ]);
      const pactOutput = result.stdout.slice(0, result.stdout.indexOf('\n\n'));
      const failures = pactOutput.split('\n').filter((line) => line.startsWith('  FAIL'));
      expect(failures).toHaveLength(5);
      expect(pactOutput).toMatch(
        /timed out: no complete answer (within 1000 ms \(--request-timeout\)|before the --max-time budget ran out)/,
      );
      expect(pactOutput).toMatch(/not sent: the --max-time budget was used up/);
      expect(pactOutput).not.toMatch(/expected , got/);
      // The fuzzer, left no time, still probes once and finds the server stuck.
      expect(result.code).toBe(2);
    } finally {
      await server.close();
    }
  }, 15_000);
});

describe('the Pact step and a server that hangs up', () => {
  it('verify says the provider closed the connection, not that it cannot be reached', async () => {
    const server = await startHostile(hangUp, hangUp);
    try {
      const result = await runCli(['verify', ...target(server.url)]);
      expect(result.stderr).toMatch(/closed the connection/);
      expect(result.stderr).not.toMatch(/cannot reach/);
      expect(result.code).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('verify names a hang-up on each interaction when only the creates are dropped', async () => {
    const server = await startHostile(hangUp);
    try {
      const result = await runCli(['verify', ...target(server.url)]);
      expect(result.stdout).toMatch(
        /^FAIL +a request to create a user status \(given.*\n +the provider closed the connection before answering/m,
      );
      expect(result.code).toBe(1);
    } finally {
      await server.close();
    }
  }, 15_000);

  it("check's Pact step says the provider closed the connection", async () => {
    const server = await startHostile(hangUp, hangUp);
    try {
      const result = await runCli(['check', ...target(server.url), '--no-save-failures']);
      expect(result.stderr).toMatch(/closed the connection/);
      expect(result.stderr).not.toMatch(/cannot reach/);
      expect(result.code).toBe(2);
    } finally {
      await server.close();
    }
  });
});
