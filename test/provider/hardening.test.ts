import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Provider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID, MAX_REQUEST_HEADERS } from '../../src/provider/defaults';
import { GRAPH_JSON_CONTENT_TYPE } from '../../src/provider/_internals/graphResponseHeaders';
import type { RequestLogLine } from '../../src/provider/RequestLogLine';
import { listIssues } from '../../src/validator/listIssues';
import {
  call,
  collectionPath,
  createStatus,
  expectGraphError,
  startProvider,
} from './providerHarness';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';

/**
 * Writes raw chunks to a port (each after its delay) and collects everything answered until the
 * server closes the connection; `unsent` counts the chunks the server did not wait for.
 */
function rawExchange(
  port: number,
  chunks: readonly { data: string | Buffer; delayMs?: number }[],
): Promise<{ text: string; unsent: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let sent = 0;
    const timers: NodeJS.Timeout[] = [];
    socket.on('data', (data: Buffer) => (text += data.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      for (const timer of timers) clearTimeout(timer);
      resolve({ text, unsent: chunks.length - sent });
    });
    let at = 0;
    for (const chunk of chunks) {
      at += chunk.delayMs ?? 0;
      timers.push(
        setTimeout(() => {
          if (socket.destroyed) return;
          socket.write(chunk.data);
          sent++;
        }, at),
      );
    }
    timers.push(
      setTimeout(() => reject(new Error('the server never closed the connection')), 5000),
    );
  });
}

/** The status code and parsed body of a raw HTTP/1.1 answer. */
function parseRawAnswer(text: string): { status: number; headers: string; body: unknown } {
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split);
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
    headers: head.toLowerCase(),
    body: JSON.parse(Buffer.from(text.slice(split + 4), 'latin1').toString('utf8')) as unknown,
  };
}

const POST_HEAD =
  `POST ${collectionPath()} HTTP/1.1\r\nHost: localhost\r\n` +
  'Authorization: Bearer local-dev-token\r\nContent-Type: application/json\r\n';

let provider: Provider;
let url: string;
let port: number;

beforeAll(async () => {
  ({ provider, url } = await startProvider({ requestTimeoutMs: 300 }));
  port = Number(new URL(url).port);
});

afterAll(() => provider.close());

describe('slow and broken clients', () => {
  it('answers a body that trickles in slower than requestTimeoutMs with a Graph 408 and closes', async () => {
    const body = JSON.stringify(SAMPLE_CREATE_REQUEST);
    const { text, unsent } = await rawExchange(port, [
      { data: `${POST_HEAD}Content-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}` },
      ...Array.from({ length: 40 }, (_, i) => ({ data: body[5 + i] ?? ' ', delayMs: 50 })),
    ]);
    const answer = parseRawAnswer(text);
    expect(answer.status).toBe(408);
    expect(answer.headers).toContain(`content-type: ${GRAPH_JSON_CONTENT_TYPE.toLowerCase()}`);
    expect(answer.headers).toContain('connection: close');
    expect(listIssues('error', answer.body)).toEqual([]);
    expect(answer.body).toMatchObject({ error: { code: 'RequestTimeout' } });
    // Cut off: the server did not wait for the rest of the trickle.
    expect(unsent).toBeGreaterThan(0);
  });

  it('logs a request timed out after it reached the handler with its method, path and the 408', async () => {
    const lines: RequestLogLine[] = [];
    const logged = await startProvider({
      requestTimeoutMs: 300,
      onRequest: (line) => lines.push(line),
    });
    try {
      const body = JSON.stringify(SAMPLE_CREATE_REQUEST);
      await rawExchange(Number(new URL(logged.url).port), [
        { data: `${POST_HEAD}Content-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}` },
        ...Array.from({ length: 40 }, (_, i) => ({ data: body[5 + i] ?? ' ', delayMs: 50 })),
      ]);
      // The line is written when the server closes the request, which may follow the client's close.
      for (let turn = 0; turn < 100 && lines.length === 0; turn++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(lines).toEqual([
        expect.objectContaining({ method: 'POST', path: collectionPath(), status: 408 }),
      ]);
    } finally {
      await logged.provider.close();
    }
  });

  it('answers headers that never finish (slowloris) with a Graph 408 and closes', async () => {
    const { text, unsent } = await rawExchange(port, [
      { data: `GET ${collectionPath()} HTTP/1.1\r\nHost: localhost\r\n` },
      ...Array.from({ length: 40 }, () => ({ data: 'X-Slow: 1\r\n', delayMs: 50 })),
    ]);
    const answer = parseRawAnswer(text);
    expect(answer.status).toBe(408);
    expect(listIssues('error', answer.body)).toEqual([]);
    expect(unsent).toBeGreaterThan(0);
  });

  it('answers malformed HTTP with a Graph 400 instead of a bare status line', async () => {
    const { text } = await rawExchange(port, [{ data: 'NOT HTTP AT ALL\r\n\r\n' }]);
    const answer = parseRawAnswer(text);
    expect(answer.status).toBe(400);
    expect(listIssues('error', answer.body)).toEqual([]);
  });

  it('survives a client that disconnects in the middle of a body, and keeps serving', async () => {
    const socket = connect(port, '127.0.0.1');
    socket.write(`${POST_HEAD}Content-Length: 1000\r\n\r\n{"a"`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    socket.destroy();
    const response = await call(url, 'POST', collectionPath(), {
      body: JSON.stringify(SAMPLE_CREATE_REQUEST),
    });
    expect(response.status).toBe(201);
  });
});

describe('protocol edges', () => {
  /** Asserts a raw answer is a Graph error with this status and code, its ids in the headers. */
  function expectRawGraphError(text: string, status: number, code: string): string {
    const answer = parseRawAnswer(text);
    expect(answer.status).toBe(status);
    expect(answer.headers).toContain(`content-type: ${GRAPH_JSON_CONTENT_TYPE.toLowerCase()}`);
    expect(listIssues('error', answer.body)).toEqual([]);
    const error = (answer.body as { error: { code: string; innerError: Record<string, string> } })
      .error;
    expect(error.code).toBe(code);
    expect(answer.headers).toContain(`request-id: ${error.innerError['request-id'] ?? '?'}`);
    return answer.headers;
  }

  it('answers CONNECT with a Graph 405 and Allow, instead of dropping the connection', async () => {
    const { text } = await rawExchange(port, [
      { data: 'CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n' },
    ]);
    const headers = expectRawGraphError(text, 405, 'MethodNotAllowed');
    expect(headers).toMatch(/\r\nallow: get, head, post, patch, delete\r\n/);
  });

  it('answers an Expect it cannot meet with a Graph 417, not a bare status line', async () => {
    for (const auth of ['Authorization: Bearer local-dev-token\r\n', '']) {
      const { text } = await rawExchange(port, [
        {
          data:
            `GET ${collectionPath()} HTTP/1.1\r\nHost: localhost\r\n${auth}` +
            'Expect: something-else\r\nConnection: close\r\n\r\n',
        },
      ]);
      expectRawGraphError(text, 417, 'ExpectationFailed');
    }
  });

  it('answers HEAD as GET without the body, on the collection and on a status', async () => {
    const created = await createStatus(url);
    for (const path of [collectionPath(), `${collectionPath()}/${String(created['id'])}`]) {
      const get = await call(url, 'GET', path);
      const head = await call(url, 'HEAD', path);
      expect([head.status, head.text]).toEqual([200, '']);
      expect(head.headers['content-type']).toBe(GRAPH_JSON_CONTENT_TYPE);
      expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.text)));
      expect(head.headers['odata-version']).toBe('4.0');
    }
    const refused = await call(url, 'PUT', collectionPath(), { body: '{}' });
    expect(refused.headers['allow']).toBe('GET, HEAD, POST');
  });

  it('answers a gzip-encoded body with a Graph 415 and Accept-Encoding: identity', async () => {
    const created = await createStatus(url);
    const body = gzipSync(JSON.stringify(SAMPLE_CREATE_REQUEST));
    for (const [method, path] of [
      ['POST', collectionPath()],
      ['PATCH', `${collectionPath()}/${String(created['id'])}`],
    ] as const) {
      const response = await call(url, method, path, {
        body,
        headers: { 'content-encoding': 'gzip' },
      });
      const error = expectGraphError(response, 415, 'UnsupportedMediaType');
      expect(error.message).toContain('gzip');
      expect(response.headers['accept-encoding']).toBe('identity');
    }
    const identity = await call(url, 'POST', collectionPath(), {
      body: JSON.stringify(SAMPLE_CREATE_REQUEST),
      headers: { 'content-encoding': 'identity' },
    });
    expect(identity.status).toBe(201);
  });

  it(`answers more than ${MAX_REQUEST_HEADERS} request headers with a Graph 431`, async () => {
    const { text } = await rawExchange(port, [
      {
        data:
          `GET ${collectionPath()} HTTP/1.1\r\nHost: localhost\r\n` +
          'Authorization: Bearer local-dev-token\r\nConnection: close\r\n' +
          'x:1\r\n'.repeat(2_000) +
          '\r\n',
      },
    ]);
    expectRawGraphError(text, 431, 'RequestHeaderFieldsTooLarge');
    const many = Object.fromEntries(
      Array.from({ length: MAX_REQUEST_HEADERS - 10 }, (_, i) => [`x-h${i}`, '1']),
    );
    expect((await call(url, 'GET', collectionPath(), { headers: many })).status).toBe(200);
  });

  it('answers headers larger than Node accepts with a Graph 431, not a 400', async () => {
    const { text } = await rawExchange(port, [
      {
        data:
          `GET ${collectionPath()} HTTP/1.1\r\nHost: localhost\r\n` +
          `X-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
      },
    ]);
    expectRawGraphError(text, 431, 'RequestHeaderFieldsTooLarge');
  });
});

describe('hostile JSON', () => {
  it('refuses arrays nested 100,000 deep with a 400, without a stack overflow', async () => {
    const depth = 100_000;
    for (const body of [
      `${'['.repeat(depth)}${']'.repeat(depth)}`,
      `{"userDisplayName":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      `{"nested":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
    ]) {
      const response = await call(url, 'POST', collectionPath(), { body });
      expectGraphError(response, 400, 'BadRequest');
    }
  });

  it('refuses deep nesting around an escaped surrogate pair with a 400 on POST and PATCH, not a 500', async () => {
    const depth = 3_600;
    const body = `{"x":${'['.repeat(depth)}"\\ud83d\\ude00"${']'.repeat(depth)}}`;
    const created = await createStatus(url);
    for (const [method, path] of [
      ['POST', collectionPath()],
      ['PATCH', `${collectionPath()}/${String(created['id'])}`],
    ] as const) {
      const response = await call(url, method, path, { body });
      const error = expectGraphError(response, 400, 'BadRequest');
      expect(error.details).toContainEqual(
        expect.objectContaining({ code: 'additionalProperties', target: '/x' }),
      );
    }
  });

  it('still finds half of a surrogate pair nested 100,000 deep (400 naming where)', async () => {
    const depth = 100_000;
    const body = `{"x":${'['.repeat(depth)}"\\ud800"${']'.repeat(depth)}}`;
    const response = await call(url, 'POST', collectionPath(), { body });
    const error = expectGraphError(response, 400, 'BadRequest');
    expect(error.message).toMatch(/half of a surrogate pair at "\/x\/0\/0\/0/);
  });

  it('refuses a 1 MB body of 100,000+ unknown properties with a 400 that checks only a few of them', async () => {
    // Short unknown names up to about 1 MB, then a known property.
    const members: string[] = [];
    for (let size = 0; size < 1_000_000; size += members[members.length - 1]!.length + 1) {
      members.push(`"_${members.length.toString(36)}":0`);
    }
    const total = members.length + 1;
    expect(total).toBeGreaterThan(100_000);
    const body = `{${members.join(',')},"devicesCount":"3"}`;
    const created = await createStatus(url);
    for (const [method, path] of [
      ['POST', collectionPath()],
      ['PATCH', `${collectionPath()}/${String(created['id'])}`],
    ] as const) {
      const response = await call(url, method, path, { body });
      const error = expectGraphError(response, 400, 'BadRequest');
      expect(error.message).toContain(
        `the body has ${total} properties; only the known ones and the first 32 others were checked`,
      );
      // The issues considered are capped: 32 unknown properties, plus any known one that fails.
      const more = Number(/and (\d+) more issue/.exec(error.message)?.[1]);
      expect(more).toBeLessThanOrEqual(40);
      expect(error.details).toContainEqual(
        expect.objectContaining({ code: 'additionalProperties', target: '/_0' }),
      );
    }
  });

  it('refuses __proto__ and constructor keys (400) and nothing pollutes a prototype', async () => {
    const text = JSON.stringify(SAMPLE_CREATE_REQUEST);
    for (const inject of [
      '"__proto__":{"isAdmin":true},',
      '"constructor":{"prototype":{"isAdmin":true}},',
      '"__proto__":null,',
    ]) {
      const response = await call(url, 'POST', collectionPath(), {
        body: `{${inject}${text.slice(1)}`,
      });
      const error = expectGraphError(response, 400, 'BadRequest');
      expect(error.message).toContain('additionalProperties');
    }
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    const list = (await call(url, 'GET', collectionPath())).json as { value: object[] };
    for (const item of list.value) {
      expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
      expect(Object.keys(item)).not.toContain('__proto__');
    }
  });

  it('refuses numbers beyond double precision or Int32, and keeps large exact ones out', async () => {
    for (const devices of [
      '1e400',
      '-1e400',
      '123456789012345678901234567890',
      '2147483648',
      '3.5',
    ]) {
      const body = JSON.stringify({ ...SAMPLE_CREATE_REQUEST, devicesCount: 0 }).replace(
        '"devicesCount":0',
        `"devicesCount":${devices}`,
      );
      const response = await call(url, 'POST', collectionPath(), { body });
      expectGraphError(response, 400, 'BadRequest');
    }
  });

  it('refuses a string holding half of a surrogate pair with a 400 naming the property', async () => {
    const body = JSON.stringify(SAMPLE_CREATE_REQUEST).replace('"Adele Vance"', '"a\\ud800b"');
    const response = await call(url, 'POST', collectionPath(), { body });
    const error = expectGraphError(response, 400, 'BadRequest');
    expect(error.message).toMatch(/surrogate pair at "\/userDisplayName"/);
  });

  it('accepts a surrogate pair sent as escapes, and stores the character', async () => {
    const body = JSON.stringify(SAMPLE_CREATE_REQUEST).replace(
      '"Adele Vance"',
      '"a\\ud83d\\ude00b"',
    );
    const response = await call(url, 'POST', collectionPath(), { body });
    expect(response.status).toBe(201);
    expect((response.json as { userDisplayName: string }).userDisplayName).toBe('a\u{1F600}b');
  });

  it('answers an oversized 5 MB string with 413 and does not keep it', async () => {
    const response = await call(url, 'POST', collectionPath(), {
      body: JSON.stringify({
        ...SAMPLE_CREATE_REQUEST,
        userDisplayName: 'x'.repeat(5 * 1024 * 1024),
      }),
    });
    expectGraphError(response, 413, 'RequestEntityTooLarge');
  });

  it('never echoes a hostile path into a header, and caps it in messages', async () => {
    const long = `/v1.0/${'a'.repeat(5000)}`;
    const response = await call(url, 'GET', long);
    const error = expectGraphError(response, 404, 'ResourceNotFound');
    expect(error.message.length).toBeLessThan(600);
  });

  it('answers normally whatever client-request-id is sent (Latin-1, very long)', async () => {
    for (const sent of ['ok-\u00e9', 'x'.repeat(8000)]) {
      const response = await call(url, 'GET', collectionPath(), {
        headers: { 'client-request-id': sent },
      });
      expect(response.status).toBe(200);
      // Header bytes come back as they were sent (undici reads them as Latin-1).
      expect(response.headers['client-request-id']).toBe(
        Buffer.from(sent, 'utf8').toString('latin1'),
      );
    }
  });
});

describe('the bounded store', () => {
  it('evicts the oldest statuses past storeCapacity, over all policies', async () => {
    const second = 'policy-two';
    const bounded = await startProvider({
      storeCapacity: 3,
      policyIds: [DEFAULT_POLICY_ID, second],
    });
    try {
      const a = await createStatus(bounded.url, { userDisplayName: 'a' });
      const b = await createStatus(bounded.url, { userDisplayName: 'b' }, second);
      const c = await createStatus(bounded.url, { userDisplayName: 'c' });
      const d = await createStatus(bounded.url, { userDisplayName: 'd' }, second);
      expect(bounded.provider.store.size).toBe(3);
      expect(bounded.provider.store.evicted).toBe(1);
      const itemPath = (policy: string, status: Record<string, unknown>): string =>
        `${collectionPath(policy)}/${String(status['id'])}`;
      expectGraphError(
        await call(bounded.url, 'GET', itemPath(DEFAULT_POLICY_ID, a)),
        404,
        'ResourceNotFound',
      );
      for (const [policy, status] of [
        [second, b],
        [DEFAULT_POLICY_ID, c],
        [second, d],
      ] as const) {
        expect((await call(bounded.url, 'GET', itemPath(policy, status))).status).toBe(200);
      }
      const names = (
        (await call(bounded.url, 'GET', collectionPath(second))).json as {
          value: { userDisplayName: string }[];
        }
      ).value.map((item) => item.userDisplayName);
      expect(names).toEqual(['b', 'd']);
    } finally {
      await bounded.provider.close();
    }
  });
});
