import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { DEFAULT_POLICY_ID } from '../../src/provider/defaults';
import { createProvider, type Provider } from '../../src/provider/createProvider';
import { listIssues } from '../../src/validator/listIssues';
import { fixturesDirectory, loadFixtureManifest } from '../helpers/fixtureManifest';
import {
  call,
  collectionPath,
  createStatus,
  expectGraphError,
  expectGraphHeaders,
  startProvider,
} from './providerHarness';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';

const STATUS_ID =
  /^([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})(_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}){2}$/;
const SECOND_POLICY = 'a0b1c2d3-0000-4000-8000-000000000002';

let provider: Provider;
let url: string;

beforeAll(async () => {
  ({ provider, url } = await startProvider({ policyIds: [DEFAULT_POLICY_ID, SECOND_POLICY] }));
});

afterAll(() => provider.close());

describe('POST .../userStatuses (create)', () => {
  it.each([
    ['/v1.0', '/v1.0'],
    ['/beta', '/beta'],
    ['no', ''],
  ])('answers 201 with the entity under the %s prefix', async (_label, prefix) => {
    const response = await call(url, 'POST', collectionPath(DEFAULT_POLICY_ID, prefix), {
      body: JSON.stringify(SAMPLE_CREATE_REQUEST),
    });
    expect(response.status).toBe(201);
    expectGraphHeaders(response);
    const body = response.json as Record<string, unknown>;
    expect(listIssues('entity', body)).toEqual([]);
    expect(body['id']).toMatch(STATUS_ID);
    expect(body).toEqual({
      '@odata.context': `https://graph.microsoft.com/${prefix === '/beta' ? 'beta' : 'v1.0'}/$metadata#deviceManagement/deviceCompliancePolicies('${DEFAULT_POLICY_ID}')/userStatuses/$entity`,
      id: body['id'],
      ...SAMPLE_CREATE_REQUEST,
    });
    expect(response.headers['location']).toBe(
      `${collectionPath(DEFAULT_POLICY_ID, prefix)}/${String(body['id'])}`,
    );
  });

  it('echoes every sent field unchanged: unicode names, nulls, Int32 bounds and dates as sent', async () => {
    const cases = [
      { userDisplayName: 'Zoë 🚀 Müller 👩🏽‍💻', userPrincipalName: 'zoe@contoso.com' },
      { userDisplayName: 'عادل', userPrincipalName: 'שלום@contoso.com' },
      { userDisplayName: null, userPrincipalName: null },
      { userDisplayName: '', userPrincipalName: '' },
      { devicesCount: 2147483647, lastReportedDateTime: '9999-12-31T23:59:59.9999999Z' },
      { devicesCount: -2147483648, lastReportedDateTime: '2016-12-31T23:59:23.3984029-08:00' },
      { lastReportedDateTime: '0001-01-01T00:00:00+14:00' },
      { lastReportedDateTime: '2024-02-29T12:00:00.123456789012Z', status: 'notAssigned' },
    ];
    for (const overrides of cases) {
      const sent = { ...SAMPLE_CREATE_REQUEST, ...overrides };
      const created = await createStatus(url, overrides);
      for (const [property, value] of Object.entries(sent)) {
        expect({ property, value: created[property] }).toEqual({ property, value });
      }
    }
  });

  it('ignores a sent id and assigns its own, never the same twice', async () => {
    const first = await createStatus(url, { id: 'client-chosen' });
    const second = await createStatus(url, { id: 'client-chosen' });
    expect(first['id']).toMatch(STATUS_ID);
    expect(second['id']).toMatch(STATUS_ID);
    expect(first['id']).not.toBe(second['id']);
  });

  it('echoes the client-request-id header, and request-id is a fresh GUID', async () => {
    const response = await call(url, 'POST', collectionPath(), {
      body: JSON.stringify(SAMPLE_CREATE_REQUEST),
      headers: { 'client-request-id': 'my-correlation-42' },
    });
    expect(response.status).toBe(201);
    expectGraphHeaders(response, 'my-correlation-42');
    expect(response.headers['request-id']).not.toBe('my-correlation-42');
  });

  it('accepts Content-Type parameters Graph clients send (charset, odata.metadata)', async () => {
    for (const contentType of [
      'application/json; charset=utf-8',
      'Application/JSON;odata.metadata=minimal;odata.streaming=true',
      'application/json;charset="UTF-8"',
    ]) {
      const response = await call(url, 'POST', collectionPath(), {
        body: JSON.stringify(SAMPLE_CREATE_REQUEST),
        headers: { 'content-type': contentType },
      });
      expect({ contentType, status: response.status }).toEqual({ contentType, status: 201 });
    }
  });
});

describe('GET, PATCH and DELETE', () => {
  it('lists a policy’s statuses as an OData collection, each exactly as created', async () => {
    const first = await createStatus(url, { userDisplayName: 'List One' }, SECOND_POLICY);
    const second = await createStatus(url, { userDisplayName: 'List Two' }, SECOND_POLICY);
    const response = await call(url, 'GET', collectionPath(SECOND_POLICY));
    expect(response.status).toBe(200);
    expectGraphHeaders(response);
    const body = response.json as { '@odata.context': string; value: Record<string, unknown>[] };
    expect(body['@odata.context']).toBe(
      `https://graph.microsoft.com/v1.0/$metadata#deviceManagement/deviceCompliancePolicies('${SECOND_POLICY}')/userStatuses`,
    );
    const { '@odata.context': _first, ...firstEntity } = first;
    const { '@odata.context': _second, ...secondEntity } = second;
    expect(body.value).toEqual(expect.arrayContaining([firstEntity, secondEntity]));
    for (const item of body.value) expect(listIssues('entity', item)).toEqual([]);
  });

  it('reads a created status back by id (200), with both prefixes', async () => {
    const created = await createStatus(url);
    const id = String(created['id']);
    for (const prefix of ['/v1.0', '']) {
      const response = await call(url, 'GET', `${collectionPath(DEFAULT_POLICY_ID, prefix)}/${id}`);
      expect(response.status).toBe(200);
      expectGraphHeaders(response);
      expect(response.json).toEqual(created);
    }
  });

  it('updates with PATCH: 200 with the merged entity, which then reads back', async () => {
    const created = await createStatus(url);
    const path = `${collectionPath()}/${String(created['id'])}`;
    const response = await call(url, 'PATCH', path, {
      body: JSON.stringify({ status: 'nonCompliant', devicesCount: 7, userDisplayName: null }),
    });
    expect(response.status).toBe(200);
    expectGraphHeaders(response);
    const expected = { ...created, status: 'nonCompliant', devicesCount: 7, userDisplayName: null };
    expect(response.json).toEqual(expected);
    expect((await call(url, 'GET', path)).json).toEqual(expected);
  });

  it('accepts a PATCH that repeats the same id, and refuses one that changes it (400 naming /id)', async () => {
    const created = await createStatus(url);
    const path = `${collectionPath()}/${String(created['id'])}`;
    const same = await call(url, 'PATCH', path, { body: JSON.stringify({ id: created['id'] }) });
    expect(same.status).toBe(200);
    const changed = await call(url, 'PATCH', path, { body: JSON.stringify({ id: 'other' }) });
    const error = expectGraphError(changed, 400, 'BadRequest');
    expect(error.message).toContain('/id');
    expect((await call(url, 'GET', path)).json).toEqual(created);
  });

  it('refuses an invalid PATCH (400) and leaves the status unchanged', async () => {
    const created = await createStatus(url);
    const path = `${collectionPath()}/${String(created['id'])}`;
    const response = await call(url, 'PATCH', path, { body: JSON.stringify({ status: 'Bogus' }) });
    const error = expectGraphError(response, 400, 'BadRequest');
    expect(error.message).toContain('/status');
    expect(error.message).toContain('enum');
    expect((await call(url, 'GET', path)).json).toEqual(created);
  });

  it('deletes with DELETE (204, no body), after which the status reads back 404', async () => {
    const created = await createStatus(url);
    const path = `${collectionPath()}/${String(created['id'])}`;
    const deleted = await call(url, 'DELETE', path);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectGraphHeaders(deleted);
    expectGraphError(await call(url, 'GET', path), 404, 'ResourceNotFound');
    expectGraphError(await call(url, 'DELETE', path), 404, 'ResourceNotFound');
    const list = (await call(url, 'GET', collectionPath())).json as { value: { id: string }[] };
    expect(list.value.map((item) => item.id)).not.toContain(created['id']);
  });
});

describe('400 Bad Request', () => {
  it('refuses a body that breaks the contract, naming the property and the rule', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ devicesCount: 2147483648 }, '/devicesCount', 'maximum'],
      [{ devicesCount: '3' }, '/devicesCount', 'type'],
      [{ status: 'Compliant' }, '/status', 'enum'],
      [{ lastReportedDateTime: '2021-02-30T00:00:00Z' }, '/lastReportedDateTime', 'format'],
      [{ favouriteColour: 'blue' }, '/favouriteColour', 'additionalProperties'],
      [{ '@odata.type': '#microsoft.graph.user' }, '/@odata.type', 'const'],
    ];
    for (const [overrides, property, rule] of cases) {
      const response = await call(url, 'POST', collectionPath(), {
        body: JSON.stringify({ ...SAMPLE_CREATE_REQUEST, ...overrides }),
      });
      const error = expectGraphError(response, 400, 'BadRequest');
      expect(error.message).toContain(property);
      expect(error.message).toContain(`"${rule}"`);
      expect(error.details).toContainEqual(
        expect.objectContaining({ code: rule, target: property }),
      );
    }
  });

  it('refuses a body missing a required property (documented profile), naming it', async () => {
    const { status: _status, ...withoutStatus } = SAMPLE_CREATE_REQUEST;
    const response = await call(url, 'POST', collectionPath(), {
      body: JSON.stringify(withoutStatus),
    });
    const error = expectGraphError(response, 400, 'BadRequest');
    expect(error.message).toContain('/status');
    expect(error.message).toContain('"required"');
  });

  it('refuses bodies that are not JSON objects', async () => {
    for (const body of ['[]', 'null', '42', '"text"', 'true']) {
      const response = await call(url, 'POST', collectionPath(), { body });
      expectGraphError(response, 400, 'BadRequest');
    }
  });

  it('refuses malformed JSON', async () => {
    for (const body of ['{', '{"status":', "{'status':'compliant'}", '{"a":1,}', '', '   ']) {
      const response = await call(url, 'POST', collectionPath(), { body });
      const error = expectGraphError(response, 400, 'BadRequest');
      expect(error.message).toMatch(/not valid JSON|empty/);
    }
  });

  it('refuses invalid UTF-8 instead of storing replacement characters', async () => {
    const valid = Buffer.from(JSON.stringify(SAMPLE_CREATE_REQUEST), 'utf8');
    const at = valid.indexOf('Adele');
    for (const bad of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const body = Buffer.concat([valid.subarray(0, at), Buffer.from(bad), valid.subarray(at)]);
      const error = expectGraphError(
        await call(url, 'POST', collectionPath(), { body }),
        400,
        'BadRequest',
      );
      expect(error.message).toContain('UTF-8');
    }
  });

  it('refuses a byte order mark and a property sent twice (JSON.parse would keep the last)', async () => {
    const text = JSON.stringify(SAMPLE_CREATE_REQUEST);
    const bom = await call(url, 'POST', collectionPath(), { body: `\uFEFF${text}` });
    expect(expectGraphError(bom, 400, 'BadRequest').message).toContain('byte order mark');
    for (const duplicate of ['"status":"Bogus",', '"st\\u0061tus":"error",']) {
      const response = await call(url, 'POST', collectionPath(), {
        body: `{${duplicate}${text.slice(1)}`,
      });
      expect(expectGraphError(response, 400, 'BadRequest').message).toContain('"status"');
    }
  });

  it('refuses a malformed percent-encoding in the path', async () => {
    const response = await call(
      url,
      'GET',
      '/v1.0/deviceManagement/deviceCompliancePolicies/%E0%A4%A/userStatuses',
    );
    expectGraphError(response, 400, 'BadRequest');
  });
});

describe('401 Unauthorized', () => {
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not a bearer scheme', 'Basic bG9jYWw6ZGV2'],
    ['a bearer without a token', 'Bearer '],
    ['a malformed bearer', 'Bearer two tokens'],
    ['a wrong token', 'Bearer not-the-token'],
    ['a token in the wrong case', 'Bearer LOCAL-DEV-TOKEN'],
  ])('answers 401 to a %s Authorization header, and stores nothing', async (_label, header) => {
    const before = provider.store.size;
    const response = await call(url, 'POST', collectionPath(), {
      body: JSON.stringify(SAMPLE_CREATE_REQUEST),
      headers: { authorization: header },
    });
    expectGraphError(response, 401, 'InvalidAuthenticationToken');
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(provider.store.size).toBe(before);
  });

  it('checks authentication before anything else (an unknown path without a token is 401)', async () => {
    const response = await call(url, 'GET', '/nowhere', { headers: { authorization: undefined } });
    expectGraphError(response, 401, 'InvalidAuthenticationToken');
  });

  it('accepts the bearer scheme in any case', async () => {
    const response = await call(url, 'GET', collectionPath(), {
      headers: { authorization: 'bearer local-dev-token' },
    });
    expect(response.status).toBe(200);
  });
});

describe('404 Not Found', () => {
  it('answers 404 for a policy that does not exist, on every method', async () => {
    const missing = collectionPath('00000000-0000-0000-0000-000000000000');
    const create = await call(url, 'POST', missing, {
      body: JSON.stringify(SAMPLE_CREATE_REQUEST),
    });
    expect(expectGraphError(create, 404, 'ResourceNotFound').message).toContain(
      '00000000-0000-0000-0000-000000000000',
    );
    expectGraphError(await call(url, 'GET', missing), 404, 'ResourceNotFound');
    expectGraphError(await call(url, 'GET', `${missing}/x`), 404, 'ResourceNotFound');
  });

  it('answers 404 for a status id that does not exist (GET, PATCH, DELETE)', async () => {
    const path = `${collectionPath()}/no-such-status`;
    expectGraphError(await call(url, 'GET', path), 404, 'ResourceNotFound');
    expectGraphError(
      await call(url, 'PATCH', path, { body: JSON.stringify({ status: 'error' }) }),
      404,
      'ResourceNotFound',
    );
    expectGraphError(await call(url, 'DELETE', path), 404, 'ResourceNotFound');
  });

  it('answers 404 for paths that are not this resource', async () => {
    for (const path of [
      '/',
      '/v1.0/me',
      '/v1.0/deviceManagement/deviceCompliancePolicies',
      '/v2/x',
    ]) {
      expectGraphError(await call(url, 'GET', path), 404, 'ResourceNotFound');
    }
  });
});

describe('405 Method Not Allowed', () => {
  it.each([
    ['PUT', 'collection', 'GET, HEAD, POST'],
    ['DELETE', 'collection', 'GET, HEAD, POST'],
    ['PATCH', 'collection', 'GET, HEAD, POST'],
    ['POST', 'item', 'GET, HEAD, PATCH, DELETE'],
    ['PUT', 'item', 'GET, HEAD, PATCH, DELETE'],
  ])('answers %s on the %s with 405 and Allow: %s', async (method, target, allow) => {
    const created = await createStatus(url);
    const path =
      target === 'collection' ? collectionPath() : `${collectionPath()}/${String(created['id'])}`;
    const response = await call(url, method, path, { body: JSON.stringify(SAMPLE_CREATE_REQUEST) });
    expectGraphError(response, 405, 'MethodNotAllowed');
    expect(response.headers['allow']).toBe(allow);
  });
});

describe('413 Request Entity Too Large', () => {
  it('answers 413 to a body over the limit, declared or streamed, without storing it', async () => {
    const small = await startProvider({ maxBodyBytes: 1000 });
    try {
      const big = JSON.stringify({ ...SAMPLE_CREATE_REQUEST, userDisplayName: 'x'.repeat(2000) });
      const declared = await call(small.url, 'POST', collectionPath(), { body: big });
      expect(expectGraphError(declared, 413, 'RequestEntityTooLarge').message).toContain('1000');
      // Chunked: no Content-Length, so the limit is enforced while reading.
      const streamed = await request(`${small.url}${collectionPath()}`, {
        method: 'POST',
        headers: { authorization: 'Bearer local-dev-token', 'content-type': 'application/json' },
        body: Readable.from([Buffer.from(big.slice(0, 600)), Buffer.from(big.slice(600))]),
      });
      expect(streamed.statusCode).toBe(413);
      expect(listIssues('error', await streamed.body.json())).toEqual([]);
      expect(small.provider.store.size).toBe(0);
      // The connection stays usable for the next request.
      const next = await call(small.url, 'POST', collectionPath(), {
        body: JSON.stringify(SAMPLE_CREATE_REQUEST),
      });
      expect(next.status).toBe(201);
    } finally {
      await small.provider.close();
    }
  });

  it('accepts a body of 1 MiB by default and refuses one byte more', async () => {
    const base = JSON.stringify({ ...SAMPLE_CREATE_REQUEST, userDisplayName: '' });
    const fill = (size: number): string =>
      JSON.stringify({ ...SAMPLE_CREATE_REQUEST, userDisplayName: 'x'.repeat(size - base.length) });
    const atLimit = await call(url, 'POST', collectionPath(), { body: fill(1_048_576) });
    expect(atLimit.status).toBe(201);
    const over = await call(url, 'POST', collectionPath(), { body: fill(1_048_577) });
    expectGraphError(over, 413, 'RequestEntityTooLarge');
  });
});

describe('415 Unsupported Media Type', () => {
  it.each([
    ['text/plain'],
    ['application/xml'],
    ['application/x-www-form-urlencoded'],
    ['application/json-patch+json'],
    ['application/json; charset=latin1'],
    ['json'],
  ])('answers 415 to Content-Type %s', async (contentType) => {
    const response = await call(url, 'POST', collectionPath(), {
      body: JSON.stringify(SAMPLE_CREATE_REQUEST),
      headers: { 'content-type': contentType },
    });
    expectGraphError(response, 415, 'UnsupportedMediaType');
  });

  it('answers 415 to a body without Content-Type, on POST and PATCH', async () => {
    const created = await createStatus(url);
    for (const [method, path] of [
      ['POST', collectionPath()],
      ['PATCH', `${collectionPath()}/${String(created['id'])}`],
    ] as const) {
      const response = await call(url, method, path, {
        body: JSON.stringify(SAMPLE_CREATE_REQUEST),
        headers: { 'content-type': undefined },
      });
      expect(expectGraphError(response, 415, 'UnsupportedMediaType').message).toContain(
        'no Content-Type',
      );
    }
  });
});

describe('429 Too Many Requests', () => {
  it('throttles past N requests per second with a Graph 429 and Retry-After in whole seconds', async () => {
    // One request per second: the second of a quick series is refused, however slow the machine.
    const throttled = await startProvider({ throttle: 1 });
    try {
      const statuses: number[] = [];
      let limited: Awaited<ReturnType<typeof call>> | undefined;
      for (let i = 0; i < 4; i++) {
        const response = await call(throttled.url, 'GET', collectionPath());
        statuses.push(response.status);
        if (response.status === 429) limited = response;
      }
      expect(statuses[0]).toBe(200);
      expect(statuses).toContain(429);
      if (limited === undefined) throw new Error('no 429 answered');
      expectGraphError(limited, 429, 'TooManyRequests');
      expect(limited.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    } finally {
      await throttled.provider.close();
    }
  });

  it('does not throttle without the option', async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => call(url, 'GET', collectionPath())),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
  });
});

describe('the graph-metadata profile', () => {
  it('accepts a partial create and stores Graph defaults for the missing properties', async () => {
    const partial = await startProvider({ profile: 'graph-metadata' });
    try {
      const created = await createStatus(partial.url, {});
      expect(created).toMatchObject(SAMPLE_CREATE_REQUEST);
      const response = await call(partial.url, 'POST', collectionPath(), {
        body: JSON.stringify({ userDisplayName: 'Only a name' }),
      });
      expect(response.status).toBe(201);
      expect(response.json).toMatchObject({
        userDisplayName: 'Only a name',
        devicesCount: 0,
        status: 'unknown',
        lastReportedDateTime: '0001-01-01T00:00:00Z',
        userPrincipalName: null,
      });
      expect(listIssues('entity', response.json)).toEqual([]);
    } finally {
      await partial.provider.close();
    }
  });
});

describe('options', () => {
  it('accepts only the configured tokens and policies', async () => {
    const custom = await startProvider({ tokens: ['alpha', 'beta.2'], policyIds: ['policy-x'] });
    try {
      for (const token of ['alpha', 'beta.2']) {
        const response = await call(custom.url, 'POST', collectionPath('policy-x'), {
          body: JSON.stringify(SAMPLE_CREATE_REQUEST),
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(201);
      }
      const defaults = await call(custom.url, 'GET', collectionPath());
      expectGraphError(defaults, 401, 'InvalidAuthenticationToken');
      const otherPolicy = await call(custom.url, 'GET', collectionPath(DEFAULT_POLICY_ID), {
        headers: { authorization: 'Bearer alpha' },
      });
      expectGraphError(otherPolicy, 404, 'ResourceNotFound');
    } finally {
      await custom.provider.close();
    }
  });

  it('assigns the same ids in the same order for the same seed, and preloads reproducibly', async () => {
    const ids = async (seed: number): Promise<unknown[]> => {
      const running = await startProvider({ seed, preload: 3 });
      try {
        const preloaded = (await call(running.url, 'GET', collectionPath())).json as {
          value: unknown[];
        };
        const created = await createStatus(running.url);
        return [...preloaded.value, created['id']];
      } finally {
        await running.provider.close();
      }
    };
    const first = await ids(42);
    expect(first).toHaveLength(4);
    for (const item of first.slice(0, 3)) expect(listIssues('entity', item)).toEqual([]);
    expect(await ids(42)).toEqual(first);
    expect(await ids(43)).not.toEqual(first);
  });

  it('rejects unusable options with a UsageError naming the option', () => {
    expect(() => createProvider({ tokens: ['has space'] })).toThrow(/bearer token/);
    expect(() => createProvider({ policyIds: [''] })).toThrow(/policy id/);
    expect(() => createProvider({ maxBodyBytes: 0 })).toThrow(/maxBodyBytes/);
    expect(() => createProvider({ storeCapacity: 0 })).toThrow(/capacity/);
    expect(() => createProvider({ storeCapacityBytes: 0.5 })).toThrow(/byte capacity/);
    expect(() => createProvider({ throttle: -1 })).toThrow(/throttle/);
    expect(() => createProvider({ seed: 1.5 })).toThrow(/seed/);
  });

  it('reports one log line per request with method, path, status and request-id', async () => {
    const lines: { method: string; path: string; status: number; requestId: string }[] = [];
    const logged = await startProvider({ onRequest: (line) => lines.push(line) });
    try {
      const created = await call(logged.url, 'POST', collectionPath(), {
        body: JSON.stringify(SAMPLE_CREATE_REQUEST),
      });
      await call(logged.url, 'GET', '/nowhere');
      await new Promise((resolve) => setImmediate(resolve));
      expect(lines).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: collectionPath(),
          status: 201,
          requestId: created.headers['request-id'],
        }),
        expect.objectContaining({ method: 'GET', path: '/nowhere', status: 404 }),
      ]);
    } finally {
      await logged.provider.close();
    }
  });

  it('fails to listen on a port in use with a ConnectionError that says so', async () => {
    const port = Number(new URL(url).port);
    const second = createProvider();
    await expect(second.listen({ host: '127.0.0.1', port })).rejects.toMatchObject({
      code: 'E_CONNECTION',
      message: expect.stringContaining('already in use') as string,
    });
  });
});

describe('the fixtures', () => {
  const requests = loadFixtureManifest().filter(
    (entry) => entry.contract === 'request' && (entry.profile ?? 'documented') === 'documented',
  );

  it("creates every valid request fixture (201) and refuses every invalid one, and every one the toolkit's advice refuses (400)", async () => {
    expect(requests.length).toBeGreaterThan(10);
    for (const entry of requests) {
      const body = readFileSync(join(fixturesDirectory, entry.file));
      const response = await call(url, 'POST', collectionPath(), { body });
      const refused = !entry.valid || (entry.advisories ?? []).length > 0;
      expect({ file: entry.file, status: response.status }).toEqual({
        file: entry.file,
        status: refused ? 400 : 201,
      });
    }
  });
});
