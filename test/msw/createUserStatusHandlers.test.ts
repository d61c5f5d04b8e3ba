import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  createUserStatusClient,
  type UserStatusClient,
} from '../../src/client/createUserStatusClient';
import { GraphRequestError, UsageError } from '../../src/errors';
import { createUserStatusRequestFactory } from '../../src/factories/createUserStatusRequestFactory';
import { createUserStatusHandlers } from '../../src/msw/createUserStatusHandlers';
import { listIssues } from '../../src/validator/listIssues';
import { toCallResult } from '../provider/fetchHarness';
import { expectGraphError, expectGraphHeaders, type CallResult } from '../provider/providerHarness';

const GRAPH = 'https://graph.microsoft.com';
const TOKEN = 'msw-test-token';
const POLICY_ID = '9c1f4f5e-2b7d-4e8a-9f10-3a4b5c6d7e8f';
const COLLECTION = `/v1.0/deviceManagement/deviceCompliancePolicies/${POLICY_ID}/userStatuses`;
const BODY = createUserStatusRequestFactory.seed(11).build();

const graph = createUserStatusHandlers({
  tokens: [TOKEN],
  policyIds: [POLICY_ID],
  selfCheck: true,
});
// Another handler of the same host, after ours: requests ours does not serve must reach it.
const me = http.get(`${GRAPH}/v1.0/me`, () => HttpResponse.json({ displayName: 'Adele Vance' }));
const server = setupServer(...graph.handlers, me);
const unhandled: string[] = [];

// A real server, to see which requests MSW lets through to the network.
let network: Server;
let networkUrl: string;

beforeAll(async () => {
  network = createServer((_req, res) => res.end('from the network'));
  await new Promise<void>((resolve) => network.listen(0, '127.0.0.1', resolve));
  networkUrl = `http://127.0.0.1:${(network.address() as AddressInfo).port}`;
  // Recorded, then performed as is: what `bypass` and `warn` would do, without the noise.
  server.listen({ onUnhandledRequest: (request) => void unhandled.push(request.url) });
});
afterEach(() => {
  server.resetHandlers();
  graph.reset();
  unhandled.length = 0;
});
afterAll(async () => {
  server.close();
  await new Promise((resolve) => network.close(resolve));
});

interface SendOptions {
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

/** A client under test, reduced to one call: send a request, get what came back. */
type Send = (method: string, url: string, options?: SendOptions) => Promise<CallResult>;

const withFetch: Send = async (method, url, options = {}) =>
  toCallResult(
    await fetch(url, {
      method,
      headers: options.headers ?? {},
      ...(options.body === undefined ? {} : { body: options.body }),
    }),
  );

const withAxios: Send = async (method, url, options = {}) => {
  const response = await axios.request<string>({
    method,
    url,
    headers: options.headers ?? {},
    data: options.body,
    // Raw text both ways (axios would re-encode a malformed JSON string), and no throwing on 4xx.
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    responseType: 'text',
    validateStatus: () => true,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers as Record<string, unknown>)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  let json: unknown;
  try {
    json = response.data === '' ? undefined : (JSON.parse(response.data) as unknown);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers, text: response.data, json };
};

const jsonHeaders = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

describe.each([
  ['global fetch', withFetch],
  ['axios (node:http)', withAxios],
])('MSW user status handlers, with %s', (_client, send) => {
  it('creates a status: 201 with the entity and a Location, and the status reads back', async () => {
    const created = await send('POST', `${GRAPH}${COLLECTION}`, {
      body: JSON.stringify(BODY),
      headers: { ...jsonHeaders, 'client-request-id': 'test-42' },
    });
    expect(created.status).toBe(201);
    expectGraphHeaders(created, 'test-42');
    expect(listIssues('entity', created.json)).toEqual([]);
    const entity = created.json as { id: string };
    expect(entity).toMatchObject(BODY);
    expect(created.headers['location']).toBe(`${COLLECTION}/${entity.id}`);
    expect(graph.store.get(POLICY_ID, entity.id)).toMatchObject(BODY);

    const read = await send('GET', `${GRAPH}${created.headers['location'] ?? ''}`, {
      headers: jsonHeaders,
    });
    expect([read.status, read.json]).toEqual([200, created.json]);
    const list = await send('GET', `${GRAPH}${COLLECTION}`, { headers: jsonHeaders });
    const { value } = list.json as { value: unknown[] };
    expect(value).toEqual([graph.store.get(POLICY_ID, entity.id)]);
    for (const item of value) expect(listIssues('entity', item)).toEqual([]);
  });

  it('pages the collection: @odata.nextLink points back at the handlers, and following it lists every status', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await send('POST', `${GRAPH}${COLLECTION}`, {
        body: JSON.stringify({ ...BODY, devicesCount: i }),
        headers: jsonHeaders,
      });
      ids.push((created.json as { id: string }).id);
    }
    const listed: string[] = [];
    const links: string[] = [];
    let next: string | undefined = `${GRAPH}${COLLECTION}?$top=2`;
    while (next !== undefined) {
      const page = await send('GET', next, { headers: jsonHeaders });
      expect(page.status).toBe(200);
      const body = page.json as { value: { id: string }[]; '@odata.nextLink'?: string };
      listed.push(...body.value.map((item) => item.id));
      next = body['@odata.nextLink'];
      if (next !== undefined) links.push(next);
    }
    expect(listed).toEqual(ids);
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link).toMatch(
        new RegExp(
          `^${GRAPH.replace(/\./g, '\\.')}${COLLECTION.replace(/\./g, '\\.')}\\?\\$top=2&\\$skiptoken=[^&]+$`,
        ),
      );
    }
  });

  it('refuses a body that breaks the contract: 400, naming the property', async () => {
    const answer = await send('POST', `${GRAPH}${COLLECTION}`, {
      body: JSON.stringify({ ...BODY, devicesCount: 2 ** 31 }),
      headers: jsonHeaders,
    });
    const error = expectGraphError(answer, 400, 'BadRequest');
    expect(error.message).toMatch(/^Invalid request body: \/devicesCount breaks "maximum"/);
    expect(error.details).toEqual([expect.objectContaining({ target: '/devicesCount' })]);
    expect(graph.store.size).toBe(0);
  });

  it('answers 401 without a token', async () => {
    const answer = await send('POST', `${GRAPH}${COLLECTION}`, {
      body: JSON.stringify(BODY),
      headers: { 'content-type': 'application/json' },
    });
    expectGraphError(answer, 401, 'InvalidAuthenticationToken');
    expect(answer.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers 404 for a policy that does not exist', async () => {
    const answer = await send('POST', `${GRAPH}${COLLECTION.replace(POLICY_ID, 'unknown')}`, {
      body: JSON.stringify(BODY),
      headers: jsonHeaders,
    });
    const error = expectGraphError(answer, 404, 'ResourceNotFound');
    expect(error.message).toContain('"unknown" does not exist');
  });

  it('answers 415 to text/plain and 400 to malformed JSON', async () => {
    expectGraphError(
      await send('POST', `${GRAPH}${COLLECTION}`, {
        body: JSON.stringify(BODY),
        headers: { ...jsonHeaders, 'content-type': 'text/plain' },
      }),
      415,
      'UnsupportedMediaType',
    );
    const malformed = await send('POST', `${GRAPH}${COLLECTION}`, {
      body: '{"status": "compliant",',
      headers: jsonHeaders,
    });
    expect(expectGraphError(malformed, 400, 'BadRequest').message).toMatch(/not valid JSON/);
  });

  it('deletes a status (204), after which it is 404', async () => {
    const created = await send('POST', `${GRAPH}${COLLECTION}`, {
      body: JSON.stringify(BODY),
      headers: jsonHeaders,
    });
    const location = `${GRAPH}${created.headers['location'] ?? ''}`;
    const deleted = await send('DELETE', location, { headers: jsonHeaders });
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expectGraphError(
      await send('GET', location, { headers: jsonHeaders }),
      404,
      'ResourceNotFound',
    );
    expect(graph.store.size).toBe(0);
  });

  it('serves /beta too, and answers 405 with Allow to other methods', async () => {
    const beta = await send('POST', `${GRAPH}${COLLECTION.replace('/v1.0', '/beta')}`, {
      body: JSON.stringify(BODY),
      headers: jsonHeaders,
    });
    expect(beta.status).toBe(201);
    expect((beta.json as Record<string, unknown>)['@odata.context']).toMatch(
      /^https:\/\/graph\.microsoft\.com\/beta\//,
    );
    const put = await send('PUT', `${GRAPH}${COLLECTION}`, { body: '{}', headers: jsonHeaders });
    expectGraphError(put, 405, 'MethodNotAllowed');
    expect(put.headers['allow']).toBe('GET, HEAD, POST');
  });
});

describe('MSW user status handlers, with the typed client of this package', () => {
  // Made once MSW listens: the client takes `globalThis.fetch` when it is created.
  let client: UserStatusClient;
  beforeAll(() => {
    client = createUserStatusClient({ token: TOKEN });
  });

  it('creates a status and resolves to the stored entity', async () => {
    const created = await client.createUserStatus(POLICY_ID, BODY);
    expect(created).toMatchObject(BODY);
    expect(created).toEqual({
      '@odata.context': expect.stringContaining(`('${POLICY_ID}')/userStatuses/$entity`) as string,
      ...graph.store.get(POLICY_ID, created.id),
    });
  });

  it('rejects with a GraphRequestError naming the broken property', async () => {
    const rejected = client.createUserStatus(POLICY_ID, { ...BODY, devicesCount: 2 ** 31 });
    await expect(rejected).rejects.toBeInstanceOf(GraphRequestError);
    await expect(rejected).rejects.toMatchObject({
      status: 400,
      graphCode: 'BadRequest',
      graphMessage: expect.stringContaining('/devicesCount') as string,
    });
  });

  it('rejects with 401 without a token and 404 for an unknown policy', async () => {
    await expect(createUserStatusClient().createUserStatus(POLICY_ID, BODY)).rejects.toMatchObject({
      status: 401,
      graphCode: 'InvalidAuthenticationToken',
    });
    await expect(client.createUserStatus('unknown', BODY)).rejects.toMatchObject({
      status: 404,
      graphCode: 'ResourceNotFound',
    });
  });
});

describe('what the handlers intercept', () => {
  it('leaves other paths of the same host to the other handlers', async () => {
    const answer = await withFetch('GET', `${GRAPH}/v1.0/me`);
    expect([answer.status, answer.json]).toEqual([200, { displayName: 'Adele Vance' }]);
  });

  it('leaves user status paths of other hosts to the network', async () => {
    const answer = await withFetch('POST', `${networkUrl}${COLLECTION}`, {
      body: JSON.stringify(BODY),
      headers: jsonHeaders,
    });
    expect([answer.status, answer.text]).toEqual([200, 'from the network']);
    expect(unhandled).toEqual([`${networkUrl}${COLLECTION}`]);
    expect(graph.store.size).toBe(0);
  });

  it('serves another origin with baseUrl, and leaves its other paths unhandled', async () => {
    const local = createUserStatusHandlers({ baseUrl: `${networkUrl}/`, tokens: [TOKEN] });
    server.use(...local.handlers);
    const policy = `/v1.0/deviceManagement/deviceCompliancePolicies/11111111-2222-4333-8444-555555555555`;
    const created = await withAxios('POST', `${networkUrl}${policy}/userStatuses`, {
      body: JSON.stringify(BODY),
      headers: jsonHeaders,
    });
    expect(created.status).toBe(201);
    expect(local.store.size).toBe(1);
    for (const path of ['/v1.0/me', `${policy}/userStatuses/a/b`, `${policy}/devices`]) {
      const passed = await withAxios('GET', `${networkUrl}${path}`, { headers: jsonHeaders });
      expect([path, passed.text]).toEqual([path, 'from the network']);
    }
    expect(unhandled).toHaveLength(3);
  });

  it('refuses a baseUrl that is not an http(s) origin', () => {
    expect(() => createUserStatusHandlers({ baseUrl: `${GRAPH}/v1.0` })).toThrow(UsageError);
    expect(() => createUserStatusHandlers({ baseUrl: `${GRAPH}/v1.0` })).toThrow(
      /\/v1\.0 and \/beta are both served/,
    );
    expect(() => createUserStatusHandlers({ baseUrl: 'ftp://example.com' })).toThrow(UsageError);
    expect(() => createUserStatusHandlers({ baseUrl: 'graph.microsoft.com' })).toThrow(UsageError);
  });
});

describe('the state behind the handlers', () => {
  it('reset() empties the store and restarts ids', async () => {
    const first = await createUserStatusClient({ token: TOKEN }).createUserStatus(POLICY_ID, BODY);
    expect(graph.store.size).toBe(1);
    graph.reset();
    expect(graph.store.size).toBe(0);
    const list = await withFetch('GET', `${GRAPH}${COLLECTION}`, { headers: jsonHeaders });
    expect(list.json).toMatchObject({ value: [] });
    const again = await createUserStatusClient({ token: TOKEN }).createUserStatus(POLICY_ID, BODY);
    expect(again.id).toBe(first.id);
  });

  it('setProviderState() makes a policy exist', async () => {
    const path = `${GRAPH}${COLLECTION.replace(POLICY_ID, 'later')}`;
    expectGraphError(
      await withFetch('GET', path, { headers: jsonHeaders }),
      404,
      'ResourceNotFound',
    );
    graph.setProviderState({ policyId: 'later' });
    expect((await withFetch('GET', path, { headers: jsonHeaders })).status).toBe(200);
  });

  it('passes the provider options on: throttling, body size', async () => {
    const limited = createUserStatusHandlers({ tokens: [TOKEN], throttle: 1, maxBodyBytes: 64 });
    server.use(...limited.handlers);
    const collection = `${GRAPH}/v1.0/deviceManagement/deviceCompliancePolicies/11111111-2222-4333-8444-555555555555/userStatuses`;
    const tooLarge = await withFetch('POST', collection, {
      body: JSON.stringify(BODY),
      headers: jsonHeaders,
    });
    expectGraphError(tooLarge, 413, 'RequestEntityTooLarge');
    const throttled = await withFetch('GET', collection, { headers: jsonHeaders });
    expectGraphError(throttled, 429, 'TooManyRequests');
    expect(throttled.headers['retry-after']).toBe('1');
  });
});
