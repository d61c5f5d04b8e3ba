import { faultScheduleFromList } from '../../src/faults/faultScheduleFromList';
import { DEFAULT_POLICY_ID } from '../../src/provider/defaults';
import { createFetchProvider } from '../../src/provider/createFetchProvider';
import type { FaultEvent } from '../../src/provider/FaultEvent';
import type { RequestLogLine } from '../../src/provider/RequestLogLine';
import { listIssues } from '../../src/validator/listIssues';
import { FETCH_ORIGIN, fetchCall } from './fetchHarness';
import {
  call,
  collectionPath,
  expectGraphHeaders,
  startProvider,
  type RunningProvider,
} from './providerHarness';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';

const BODY = JSON.stringify(SAMPLE_CREATE_REQUEST);

describe('the node:http provider with a fault schedule', () => {
  let running: RunningProvider | undefined;
  afterEach(async () => {
    await running?.provider.close();
    running = undefined;
  });

  it('answers a scheduled 429, 503 and 504 with Graph envelope, ids and Retry-After', async () => {
    const events: FaultEvent[] = [];
    running = await startProvider({
      faults: faultScheduleFromList([
        { at: 1, kind: '429', retryAfter: 2.128 },
        { at: 2, kind: '503', retryAfter: 3 },
        { at: 3, kind: '504' },
      ]),
      onFault: (event) => events.push(event),
    });
    const { url, provider } = running;
    const throttled = await call(url, 'POST', collectionPath(), {
      body: BODY,
      headers: { 'client-request-id': 'mine-1' },
    });
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('2.128');
    expectGraphHeaders(throttled, 'mine-1');
    expect(listIssues('error', throttled.json)).toEqual([]);
    expect(throttled.json).toMatchObject({
      error: {
        code: 'TooManyRequests',
        innerError: {
          'client-request-id': 'mine-1',
          'request-id': throttled.headers['request-id'],
        },
      },
    });
    const unavailable = await call(url, 'GET', collectionPath());
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers['retry-after']).toBe('3');
    expect(unavailable.json).toMatchObject({ error: { code: 'ServiceUnavailable' } });
    const timeout = await call(url, 'POST', collectionPath(), { body: BODY });
    expect(timeout.status).toBe(504);
    expect(timeout.headers['retry-after']).toBeUndefined();
    expect(listIssues('error', timeout.json)).toEqual([]);
    expect(timeout.json).toMatchObject({ error: { code: 'GatewayTimeout' } });
    expect((await call(url, 'POST', collectionPath(), { body: BODY })).status).toBe(201);
    expect(provider.store.size).toBe(1);
    expect(events.map(({ ordinal, method, fault }) => [ordinal, method, fault.kind])).toEqual([
      [1, 'POST', '429'],
      [2, 'GET', '503'],
      [3, 'POST', '504'],
    ]);
    const record = provider.record.requests;
    expect(record.map((entry) => [entry.ordinal, entry.status, entry.retryAfter])).toEqual([
      [1, 429, 2.128],
      [2, 503, 3],
      [3, 504, undefined],
      [4, 201, undefined],
    ]);
    expect(record[0]?.clientRequestId).toBe('mine-1');
    expect(record[0]?.bodyDigest).toMatch(/^[0-9a-f]{16}$/);
    expect(record[3]?.bodyDigest).toBe(record[0]?.bodyDigest);
    expect(record[1]?.bodyDigest).toBeUndefined();
    expect(record[3]?.storedId).toBe(provider.store.list(DEFAULT_POLICY_ID)[0]?.id);
  });

  it('destroys the connection before the store (nothing stored) and after it (stored)', async () => {
    const lines: RequestLogLine[] = [];
    running = await startProvider({
      faults: faultScheduleFromList([
        { at: 1, kind: 'reset-before-store' },
        { at: 2, kind: 'reset-after-store' },
      ]),
      onRequest: (line) => lines.push(line),
    });
    const { url, provider } = running;
    await expect(call(url, 'POST', collectionPath(), { body: BODY })).rejects.toThrow();
    expect(provider.store.size).toBe(0);
    await expect(call(url, 'POST', collectionPath(), { body: BODY })).rejects.toThrow();
    expect(provider.store.size).toBe(1);
    const [before, after] = provider.record.requests;
    expect(before).toMatchObject({
      status: 0,
      storedId: undefined,
      fault: { kind: 'reset-before-store' },
    });
    expect(after).toMatchObject({ status: 0, fault: { kind: 'reset-after-store' } });
    expect(after?.storedId).toBe(provider.store.list(DEFAULT_POLICY_ID)[0]?.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines.map((line) => line.status)).toEqual([0, 0]);
  });

  it('adds latency, then answers normally', async () => {
    running = await startProvider({
      faults: faultScheduleFromList([{ at: 1, kind: 'latency', ms: 30 }]),
    });
    const response = await call(running.url, 'POST', collectionPath(), { body: BODY });
    expect(response.status).toBe(201);
    expect(running.provider.record.requests[0]).toMatchObject({
      status: 201,
      fault: { kind: 'latency', ms: 30 },
    });
  });

  it('counts only the userStatuses routes, applies faults before auth, and restarts on reset', async () => {
    running = await startProvider({
      faults: faultScheduleFromList([{ at: 2, kind: '429', retryAfter: 1 }]),
    });
    const { url, provider } = running;
    expect((await call(url, 'GET', '/elsewhere')).status).toBe(404);
    expect((await call(url, 'GET', collectionPath())).status).toBe(200);
    expect(
      (await call(url, 'GET', collectionPath(), { headers: { authorization: undefined } })).status,
    ).toBe(429);
    expect(provider.record.requests.map((entry) => entry.ordinal)).toEqual([undefined, 1, 2]);
    provider.reset();
    expect(provider.record.requests).toEqual([]);
    expect((await call(url, 'GET', collectionPath())).status).toBe(200);
    expect((await call(url, 'GET', collectionPath())).status).toBe(429);
  });

  it('injects and records nothing by default', async () => {
    running = await startProvider();
    expect((await call(running.url, 'POST', collectionPath(), { body: BODY })).status).toBe(201);
    expect(running.provider.record.requests).toEqual([]);
  });

  it('records without faults when asked', async () => {
    running = await startProvider({ record: true });
    await call(running.url, 'POST', collectionPath(), {
      body: BODY,
      headers: { 'retry-attempt': '2' },
    });
    expect(running.provider.record.requests).toEqual([
      expect.objectContaining({ ordinal: 1, status: 201, fault: undefined, retryAttempt: '2' }),
    ]);
  });
});

describe('the fetch provider with a fault schedule', () => {
  it('answers status faults, rejects resets as fetch does, and stores on reset-after-store', async () => {
    const provider = createFetchProvider({
      selfCheck: true,
      faults: faultScheduleFromList([
        { at: 1, kind: '429', retryAfter: 1.5 },
        { at: 2, kind: '503' },
        { at: 3, kind: '504', retryAfter: 0.5 },
        { at: 4, kind: 'reset-before-store' },
        { at: 5, kind: 'reset-after-store' },
        { at: 6, kind: 'latency', ms: 5 },
      ]),
    });
    const post = (): Promise<unknown> =>
      fetchCall(provider, 'POST', collectionPath(), { body: BODY });
    expect(await post()).toMatchObject({ status: 429, headers: { 'retry-after': '1.5' } });
    expect(await post()).toMatchObject({
      status: 503,
      json: { error: { code: 'ServiceUnavailable' } },
    });
    expect(await post()).toMatchObject({ status: 504, headers: { 'retry-after': '0.5' } });
    await expect(post()).rejects.toBeInstanceOf(TypeError);
    expect(provider.store.size).toBe(0);
    await expect(post()).rejects.toThrow('fetch failed');
    expect(provider.store.size).toBe(1);
    expect(await post()).toMatchObject({ status: 201 });
    expect(provider.store.size).toBe(2);
    expect(
      provider.record.requests.map((entry) => [entry.status, entry.storedId !== undefined]),
    ).toEqual([
      [429, false],
      [503, false],
      [504, false],
      [0, false],
      [0, true],
      [201, true],
    ]);
    const digests = new Set(provider.record.requests.map((entry) => entry.bodyDigest));
    expect(digests.size).toBe(1);
  });

  it('routes by path whatever the origin', async () => {
    const provider = createFetchProvider({
      faults: faultScheduleFromList([{ at: 1, kind: '503' }]),
    });
    const response = await provider.handle(new Request(`${FETCH_ORIGIN}${collectionPath()}`));
    expect(response.status).toBe(503);
  });

  it('reads a recorded body no further than the size limit before refusing it', async () => {
    const provider = createFetchProvider({ record: true, maxBodyBytes: 1024 });
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    // 64 MiB offered, a chunk at a time: a body read whole would pull all of it.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 1024 * chunk.byteLength) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await provider.handle(
      new Request(`${FETCH_ORIGIN}${collectionPath()}`, {
        method: 'POST',
        headers: { authorization: 'Bearer local-dev-token', 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(8 * chunk.byteLength);
    expect(provider.record.requests).toHaveLength(1);
  });
});
