import { UsageError } from '../../src/errors';
import { createFetchProvider, type FetchProvider } from '../../src/provider/createFetchProvider';
import { createProvider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID, MAX_REQUEST_HEADERS } from '../../src/provider/defaults';
import type { RequestLogLine } from '../../src/provider/RequestLogLine';
import { listIssues } from '../../src/validator/listIssues';
import { fetchCall, FETCH_ORIGIN, toCallResult } from './fetchHarness';
import {
  call,
  collectionPath,
  expectGraphError,
  expectGraphHeaders,
  startProvider,
  type CallOptions,
  type CallResult,
} from './providerHarness';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';

const MAX_BODY_BYTES = 4096;
const OPTIONS = { selfCheck: true, maxBodyBytes: MAX_BODY_BYTES, seed: 7 } as const;

type Send = (method: string, path: string, options?: CallOptions) => Promise<CallResult>;

/**
 * One request of every kind the provider answers, in a fixed order; each later step may use the
 * answers before it (the id created first). Returns every answer.
 */
async function scenario(send: Send): Promise<Array<{ method: string; answer: CallResult }>> {
  const answers: Array<{ method: string; answer: CallResult }> = [];
  const record = async (method: string, path: string, options?: CallOptions) => {
    const answer = await send(method, path, options);
    answers.push({ method, answer });
    return answer;
  };
  const json = (value: unknown) => JSON.stringify(value);
  const created = await record('POST', collectionPath(), { body: json(SAMPLE_CREATE_REQUEST) });
  const item = `${collectionPath()}/${String((created.json as { id?: unknown }).id)}`;
  await record('POST', collectionPath(DEFAULT_POLICY_ID, '/beta'), {
    body: json({ ...SAMPLE_CREATE_REQUEST, status: 'error' }),
    headers: { 'client-request-id': 'my-own-id' },
  });
  await record('GET', collectionPath());
  await record('GET', `${item}?$select=status`);
  await record('PATCH', item, { body: json({ devicesCount: 9 }) });
  await record('PATCH', item, { body: json({ id: 'another' }) });
  await record('DELETE', item);
  await record('GET', item);
  await record('POST', collectionPath(), {
    body: json(SAMPLE_CREATE_REQUEST),
    headers: { authorization: undefined },
  });
  await record('POST', collectionPath(), {
    body: json(SAMPLE_CREATE_REQUEST),
    headers: { authorization: 'Bearer nope' },
  });
  await record('GET', '/v1.0/me');
  await record('PUT', collectionPath(), { body: json(SAMPLE_CREATE_REQUEST) });
  await record('HEAD', collectionPath());
  await record('POST', collectionPath('no-such-policy'), { body: json(SAMPLE_CREATE_REQUEST) });
  await record('POST', collectionPath(), {
    body: 'hello',
    headers: { 'content-type': 'text/plain' },
  });
  await record('POST', collectionPath(), {
    body: json(SAMPLE_CREATE_REQUEST),
    headers: { 'content-type': undefined },
  });
  await record('POST', collectionPath(), { body: '{"status": ' });
  await record('POST', collectionPath(), { body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) });
  await record('POST', collectionPath(), { body: `\ufeff${json(SAMPLE_CREATE_REQUEST)}` });
  await record('POST', collectionPath(), { body: '{"status":"compliant","status":"error"}' });
  await record('POST', collectionPath(), {
    body: json({ ...SAMPLE_CREATE_REQUEST, devicesCount: -1, status: 'fine' }),
  });
  await record('POST', collectionPath(), {
    body: json({ ...SAMPLE_CREATE_REQUEST, userDisplayName: 'x'.repeat(MAX_BODY_BYTES) }),
  });
  await record('GET', '/v1.0/deviceManagement/deviceCompliancePolicies/%E0%A4%A/userStatuses');
  await record(
    'GET',
    '/V1.0/DEVICEMANAGEMENT/deviceCompliancePolicies/' + DEFAULT_POLICY_ID + '/USERSTATUSES/',
  );
  await record('POST', collectionPath(), {
    body: json(SAMPLE_CREATE_REQUEST),
    headers: { 'content-encoding': 'gzip' },
  });
  await record('GET', `${collectionPath()}?$top=0`);
  await record('GET', collectionPath(), {
    headers: Object.fromEntries(
      Array.from({ length: MAX_REQUEST_HEADERS }, (_, i) => [`x-h${i}`, '1']),
    ),
  });
  return answers;
}

// What may differ between two runs of the same request: ids made per request, the time, and the
// headers `node:http` adds about the connection.
const VOLATILE_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'request-id',
  'client-request-id',
]);

function comparable(answer: CallResult): unknown {
  const headers = Object.fromEntries(
    Object.entries(answer.headers).filter(([name]) => !VOLATILE_HEADERS.has(name)),
  );
  const body = JSON.parse(answer.text === '' ? 'null' : answer.text, (key, value: unknown) => {
    if (key !== 'innerError') return value;
    const inner = value as Record<string, string>;
    const sameIds = inner['client-request-id'] === inner['request-id'];
    return {
      ...inner,
      date: '<varies>',
      'request-id': '<varies>',
      'client-request-id': sameIds ? '<request-id>' : inner['client-request-id'],
    };
  }) as unknown;
  const clientRequestId =
    answer.headers['client-request-id'] === answer.headers['request-id']
      ? '<request-id>'
      : answer.headers['client-request-id'];
  return { status: answer.status, headers, clientRequestId, body };
}

describe('createFetchProvider', () => {
  it('answers every kind of request exactly as the node:http provider does', async () => {
    const { provider: listening, url } = await startProvider(OPTIONS);
    let overHttp: Array<{ method: string; answer: CallResult }>;
    try {
      overHttp = await scenario((method, path, options) => call(url, method, path, options));
    } finally {
      await listening.close();
    }
    const fetchProvider = createFetchProvider(OPTIONS);
    const overFetch = await scenario((method, path, options) =>
      fetchCall(fetchProvider, method, path, options),
    );

    expect(overFetch.map(({ answer }) => comparable(answer))).toEqual(
      overHttp.map(({ answer }) => comparable(answer)),
    );
    // And what they agree on is right (the same handler could be wrong twice).
    expect(overFetch.map(({ answer }) => answer.status)).toEqual([
      201, 201, 200, 200, 200, 400, 204, 404, 401, 401, 404, 405, 200, 404, 415, 415, 400, 400, 400,
      400, 400, 413, 400, 200, 415, 400, 431,
    ]);
    for (const { method, answer } of overFetch) {
      if (method === 'HEAD') {
        expect(answer.text).toBe('');
        continue;
      }
      const clientRequestId = answer.headers['client-request-id'];
      expectGraphHeaders(answer, clientRequestId === 'my-own-id' ? clientRequestId : undefined);
      if (answer.status >= 400) expect(listIssues('error', answer.json)).toEqual([]);
    }
  });

  it('answers an Expect other than 100-continue with a Graph 417, as over node:http', async () => {
    const provider = createFetchProvider({ selfCheck: true });
    const refused = await fetchCall(provider, 'GET', collectionPath(), {
      headers: { expect: 'something-else' },
    });
    expectGraphError(refused, 417, 'ExpectationFailed');
    const continued = await fetchCall(provider, 'GET', collectionPath(), {
      headers: { expect: '100-continue' },
    });
    expect(continued.status).toBe(200);
  });

  it('creates a status: 201 with the entity, Location, and the status in the store', async () => {
    const provider = createFetchProvider({ selfCheck: true });
    const created = await fetchCall(provider, 'POST', collectionPath(), {
      body: JSON.stringify(SAMPLE_CREATE_REQUEST),
    });
    expect(created.status).toBe(201);
    expect(listIssues('entity', created.json)).toEqual([]);
    const entity = created.json as { id: string; '@odata.context': string };
    expect(entity).toMatchObject(SAMPLE_CREATE_REQUEST);
    expect(created.headers['location']).toBe(`${collectionPath()}/${entity.id}`);
    expect(entity['@odata.context']).toBe(
      `${FETCH_ORIGIN}/v1.0/$metadata#deviceManagement/deviceCompliancePolicies('${DEFAULT_POLICY_ID}')/userStatuses/$entity`,
    );
    expect(provider.store.get(DEFAULT_POLICY_ID, entity.id)).toMatchObject(SAMPLE_CREATE_REQUEST);
    const read = await fetchCall(provider, 'GET', created.headers['location'] ?? '');
    expect(read.json).toEqual(created.json);
  });

  it('answers 413 to a streamed body over maxBodyBytes and stops reading it', async () => {
    const provider = createFetchProvider({ maxBodyBytes: 100_000 });
    const chunk = new Uint8Array(16_384).fill(0x20);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
        if (pulled === 1_000) controller.close();
      },
    });
    const request = new Request(`${FETCH_ORIGIN}${collectionPath()}`, {
      method: 'POST',
      headers: { authorization: 'Bearer local-dev-token', 'content-type': 'application/json' },
      body,
      duplex: 'half',
    });
    const answer = await toCallResult(await provider.handle(request));
    expectGraphError(answer, 413, 'RequestEntityTooLarge');
    // 100,000 bytes are 7 chunks; the stream may run a chunk or two ahead, not 1,000.
    expect(pulled).toBeLessThan(12);
  });

  it('rejects, and logs status 0, when the request body fails to arrive', async () => {
    const lines: RequestLogLine[] = [];
    const provider = createFetchProvider({ onRequest: (line) => lines.push(line) });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"status":'));
      },
      pull(controller) {
        controller.error(new Error('the client went away'));
      },
    });
    const request = new Request(`${FETCH_ORIGIN}${collectionPath()}`, {
      method: 'POST',
      headers: { authorization: 'Bearer local-dev-token', 'content-type': 'application/json' },
      body,
      duplex: 'half',
    });
    await expect(provider.handle(request)).rejects.toThrow('the client went away');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([expect.objectContaining({ method: 'POST', status: 0 })]);
  });

  it('reports each answered request to onRequest, after the answer', async () => {
    const lines: RequestLogLine[] = [];
    const provider = createFetchProvider({ onRequest: (line) => lines.push(line) });
    const answer = await fetchCall(provider, 'POST', `${collectionPath()}?x=1`, {
      body: JSON.stringify(SAMPLE_CREATE_REQUEST),
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([
      {
        method: 'POST',
        path: `${collectionPath()}?x=1`,
        status: 201,
        durationMs: expect.any(Number) as number,
        requestId: answer.headers['request-id'],
      },
    ]);
  });

  it('gives the status text node:http gives', async () => {
    const provider = createFetchProvider();
    const request = new Request(`${FETCH_ORIGIN}/v1.0/me`);
    const response = await provider.handle(request);
    expect([response.status, response.statusText]).toEqual([401, 'Unauthorized']);
  });

  it('checks its options as createProvider does', () => {
    const bad: Array<Parameters<typeof createFetchProvider>[0]> = [
      { tokens: ['two words'] },
      { tokens: [] },
      { policyIds: [''] },
      { maxBodyBytes: 0 },
      { throttle: -1 },
      { seed: 0.5 },
      { preload: -1 },
      { storeCapacity: 0 },
      { storeCapacityBytes: -1 },
    ];
    for (const options of bad) {
      expect(() => createFetchProvider(options)).toThrow(UsageError);
      let nodeMessage: string | undefined;
      try {
        createProvider(options);
      } catch (error) {
        nodeMessage = (error as Error).message;
      }
      expect(nodeMessage).toBeDefined();
      expect(() => createFetchProvider(options)).toThrow(nodeMessage);
    }
  });
});

describe.each([
  [
    'createProvider (node:http)',
    async (options: Parameters<typeof createFetchProvider>[0]) => {
      const { provider, url } = await startProvider(options);
      const send: Send = (method, path, callOptions) => call(url, method, path, callOptions);
      return { provider, send, close: (): Promise<void> => provider.close() };
    },
  ],
  [
    'createFetchProvider',
    async (options: Parameters<typeof createFetchProvider>[0]) => {
      const provider: FetchProvider = createFetchProvider({ selfCheck: true, ...options });
      const send: Send = (method, path, callOptions) =>
        fetchCall(provider, method, path, callOptions);
      return { provider, send, close: async (): Promise<void> => undefined };
    },
  ],
])('reset() on %s', (_name, start) => {
  const create = (send: Send, policyId = DEFAULT_POLICY_ID) =>
    send('POST', collectionPath(policyId), { body: JSON.stringify(SAMPLE_CREATE_REQUEST) });

  it('empties the store, forgets provider states and restarts ids from the seed', async () => {
    const { provider, send, close } = await start({ seed: 3 });
    try {
      const first = await create(send);
      await create(send);
      provider.setProviderState({ policyId: 'added' });
      expect((await create(send, 'added')).status).toBe(201);
      provider.reset();
      expect(provider.store.size).toBe(0);
      expectGraphError(await create(send, 'added'), 404, 'ResourceNotFound');
      const again = await create(send);
      expect((again.json as { id: string }).id).toBe((first.json as { id: string }).id);
    } finally {
      await close();
    }
  });

  it('puts the preloaded statuses back, with the same ids', async () => {
    const { provider, send, close } = await start({ preload: 3 });
    try {
      const before = provider.store.list(DEFAULT_POLICY_ID);
      expect(before).toHaveLength(3);
      await create(send);
      await send('DELETE', `${collectionPath()}/${(before[0] as { id: string }).id}`);
      provider.reset();
      expect(provider.store.list(DEFAULT_POLICY_ID)).toEqual(before);
    } finally {
      await close();
    }
  });

  it('refills the throttle', async () => {
    const { provider, send, close } = await start({ throttle: 1 });
    try {
      expect((await create(send)).status).toBe(201);
      const throttled = await create(send);
      expectGraphError(throttled, 429, 'TooManyRequests');
      expect(throttled.headers['retry-after']).toBe('1');
      provider.reset();
      expect((await create(send)).status).toBe(201);
    } finally {
      await close();
    }
  });
});
