import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { BUILT_BIN } from '../helpers/builtBin';

// A bounded soak of the built `serve`: mixed hostile and legitimate traffic from a few concurrent
// workers, then every legitimate create is read back through the paged listing, and the server's
// peak resident memory is checked.
const MAX_REQUESTS = 1_500;
const MAX_TRAFFIC_MS = 8_000;
const WORKERS = 6;
// V8 collects lazily: with memory to spare, garbage from 1 MB bodies lifts the peak RSS to
// whatever the machine allows (215 to 350 MB in uncapped runs here). Capping the old
// space makes a leak fail fast (out of memory, a crash) instead of hiding in lazy collection, and
// makes the peak RSS a bound worth stating.
const MAX_OLD_SPACE_MB = 192;
// The server's peak RSS (VmHWM, read where /proc exists) stays under this, in kB. A bare `serve`
// is about 60 MB; with the cap this soak peaked at 137 to 227 MB here.
const MAX_PEAK_RSS_KB = 320 * 1024;

const COLLECTION = `/v1.0/deviceManagement/deviceCompliancePolicies/${DEFAULT_POLICY_ID}/userStatuses`;
// Large creates go to a policy of their own, so listing the first one stays cheap.
const HUGE_POLICY_ID = 'policy-for-large-statuses';
const HUGE_COLLECTION = `/v1.0/deviceManagement/deviceCompliancePolicies/${HUGE_POLICY_ID}/userStatuses`;
const AUTH = { authorization: `Bearer ${DEFAULT_TOKEN}` };
const JSON_AUTH = { ...AUTH, 'content-type': 'application/json' };

function validBody(name: string): string {
  return JSON.stringify({
    userDisplayName: name,
    devicesCount: 1,
    status: 'compliant',
    lastReportedDateTime: '2020-06-14T20:52:52.8841394Z',
    userPrincipalName: `${name}@contoso.onmicrosoft.com`,
  });
}

// Hostile bodies, built once.
const DEEP_SURROGATE = `{"x":${'['.repeat(3_600)}"\\ud83d\\ude00"${']'.repeat(3_600)}}`;
const MANY_KEYS = ((): string => {
  const members: string[] = [];
  for (let size = 0; size < 1_000_000; size += 12) {
    members.push(`"_${members.length.toString(36).padStart(6, '0')}":0`);
  }
  return `{${members.join(',')}}`;
})();
const TOO_LARGE = validBody('x'.repeat(1_500_000));
const GZIPPED = gzipSync(validBody('gzipped'));
// Used for both names: a body of about 900 kB, under the 1 MiB limit.
const HUGE_NAME = 'h'.repeat(450_000);
// Large valid creates: kept (the default 64 MiB holds them all), never counted as legitimate.
const MAX_HUGE_CREATES = 24;

/** One kind of request, what it must be answered, and whether it is a legitimate create. */
type Step =
  | 'create'
  | 'read'
  | 'list'
  | 'head'
  | 'deepSurrogate'
  | 'manyKeys'
  | 'tooLarge'
  | 'gzip'
  | 'badTop'
  | 'malformed'
  | 'noToken'
  | 'hugeCreate'
  | 'connect'
  | 'expect'
  | 'manyHeaders';

// Half legitimate, half hostile, in a fixed order (a failure replays the same way).
const PLAN: readonly Step[] = [
  'create',
  'deepSurrogate',
  'create',
  'manyKeys',
  'read',
  'tooLarge',
  'create',
  'gzip',
  'list',
  'badTop',
  'create',
  'malformed',
  'head',
  'noToken',
  'create',
  'hugeCreate',
  'read',
  'connect',
  'create',
  'expect',
  'list',
  'manyHeaders',
];

/** Sends raw bytes and returns the status line's code (0 when the server closed unanswered). */
function rawStatus(port: number, data: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${data.slice(0, 40)}`));
    }, 5_000);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0));
    });
    socket.end(data);
  });
}

/** Starts the built `serve` on a free loopback port; resolves once it prints its URL. */
async function startServe(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${MAX_OLD_SPACE_MB}`,
      BUILT_BIN,
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--quiet',
      '--policy-id',
      DEFAULT_POLICY_ID,
      '--policy-id',
      HUGE_POLICY_ID,
    ],
    { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (found !== undefined) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) early: ${stderr}`)));
  });
  return { child, url };
}

/** The peak resident set size of a process, in kB (VmHWM), or undefined without /proc. */
function peakRssKb(pid: number): number | undefined {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return undefined;
  const found = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync(file, 'utf8'))?.[1];
  return found === undefined ? undefined : Number(found);
}

describe('serve under a soak of hostile and legitimate traffic', () => {
  it(`answers up to ${MAX_REQUESTS} mixed requests (${MAX_TRAFFIC_MS / 1000} s at most) as expected, keeps every legitimate create readable, and peaks under ${MAX_PEAK_RSS_KB / 1024} MB`, async () => {
    const { child, url } = await startServe();
    const port = Number(new URL(url).port);
    const dispatcher = new Agent({ connections: WORKERS });
    const created: string[] = [];
    const wrong: string[] = [];
    let sent = 0;
    let hugeCreates = 0;
    const deadline = Date.now() + MAX_TRAFFIC_MS;

    const send = async (
      method: Dispatcher.HttpMethod,
      path: string,
      headers: Record<string, string>,
      body?: string | Buffer,
    ): Promise<{ status: number; json: unknown }> => {
      const response = await request(`${url}${path}`, {
        method,
        headers,
        dispatcher,
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.body.text();
      let json: unknown;
      try {
        json = text === '' ? undefined : (JSON.parse(text) as unknown);
      } catch {
        json = undefined;
      }
      return { status: response.statusCode, json };
    };

    const expectStatus = (step: Step, status: number, expected: number): void => {
      if (status !== expected) wrong.push(`${step}: ${status} instead of ${expected}`);
    };

    const run = async (step: Step, index: number): Promise<void> => {
      const someId = created[index % Math.max(1, created.length)];
      switch (step) {
        case 'create': {
          const answer = await send('POST', COLLECTION, JSON_AUTH, validBody(`user${index}`));
          expectStatus(step, answer.status, 201);
          if (answer.status === 201) created.push((answer.json as { id: string }).id);
          return;
        }
        case 'read':
          if (someId === undefined) return;
          expectStatus(step, (await send('GET', `${COLLECTION}/${someId}`, AUTH)).status, 200);
          return;
        case 'list':
          expectStatus(step, (await send('GET', `${COLLECTION}?$top=50`, AUTH)).status, 200);
          return;
        case 'head':
          expectStatus(step, (await send('HEAD', COLLECTION, AUTH)).status, 200);
          return;
        case 'deepSurrogate':
          expectStatus(
            step,
            (await send('POST', COLLECTION, JSON_AUTH, DEEP_SURROGATE)).status,
            400,
          );
          return;
        case 'manyKeys':
          expectStatus(step, (await send('POST', COLLECTION, JSON_AUTH, MANY_KEYS)).status, 400);
          return;
        case 'tooLarge':
          expectStatus(step, (await send('POST', COLLECTION, JSON_AUTH, TOO_LARGE)).status, 413);
          return;
        case 'gzip': {
          const headers = { ...JSON_AUTH, 'content-encoding': 'gzip' };
          expectStatus(step, (await send('POST', COLLECTION, headers, GZIPPED)).status, 415);
          return;
        }
        case 'badTop':
          expectStatus(step, (await send('GET', `${COLLECTION}?$top=1001`, AUTH)).status, 400);
          return;
        case 'malformed':
          expectStatus(step, (await send('POST', COLLECTION, JSON_AUTH, '{"status":')).status, 400);
          return;
        case 'noToken': {
          const headers = { 'content-type': 'application/json' };
          expectStatus(step, (await send('POST', COLLECTION, headers, validBody('x'))).status, 401);
          return;
        }
        case 'hugeCreate':
          if (hugeCreates >= MAX_HUGE_CREATES) return;
          hugeCreates++;
          expectStatus(
            step,
            (await send('POST', HUGE_COLLECTION, JSON_AUTH, validBody(`${index}${HUGE_NAME}`)))
              .status,
            201,
          );
          return;
        case 'connect':
          expectStatus(
            step,
            await rawStatus(port, 'CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n'),
            405,
          );
          return;
        case 'expect':
          expectStatus(
            step,
            await rawStatus(
              port,
              `GET ${COLLECTION} HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: other\r\nConnection: close\r\n\r\n`,
            ),
            417,
          );
          return;
        case 'manyHeaders':
          expectStatus(
            step,
            await rawStatus(
              port,
              `GET ${COLLECTION} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${'x:1\r\n'.repeat(2_000)}\r\n`,
            ),
            431,
          );
          return;
      }
    };

    try {
      await Promise.all(
        Array.from({ length: WORKERS }, async (_, worker) => {
          while (sent < MAX_REQUESTS && Date.now() < deadline) {
            const index = sent++;
            await run(PLAN[(index + worker) % PLAN.length] as Step, index);
          }
        }),
      );
      expect(wrong).toEqual([]);
      expect(created.length).toBeGreaterThan(50);

      // Every legitimate create is listed, in creation order, following the pages.
      const listed = new Set<string>();
      let next: string | undefined = COLLECTION;
      while (next !== undefined) {
        const page = await send('GET', next, AUTH);
        expect(page.status).toBe(200);
        const body = page.json as { value: { id: string }[]; '@odata.nextLink'?: string };
        for (const item of body.value) listed.add(item.id);
        const link = body['@odata.nextLink'];
        next = link === undefined ? undefined : link.slice(url.length);
      }
      expect(created.filter((id) => !listed.has(id))).toEqual([]);
      for (const id of created) {
        const read = await send('GET', `${COLLECTION}/${id}`, AUTH);
        if (read.status !== 200) wrong.push(`read back ${id}: ${read.status}`);
      }
      expect(wrong).toEqual([]);

      const peak = peakRssKb(child.pid ?? 0);
      if (peak !== undefined) expect(peak).toBeLessThan(MAX_PEAK_RSS_KB);
    } finally {
      await dispatcher.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  }, 40_000);
});
