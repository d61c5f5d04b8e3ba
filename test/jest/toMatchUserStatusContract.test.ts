import axios from 'axios';
import supertest from 'supertest';
import '../../src/jest';
import { loadFixtureManifest, readFixture } from '../helpers/fixtureManifest';
import {
  ENTITY,
  CREATE_BODY,
  failureMessage,
  rejectionMessage,
  startCannedServer,
  startReferenceProvider,
  type RunningProvider,
  type RunningServer,
} from './httpHarness';

const JSON_TYPE = { 'content-type': 'application/json' };

let graph: RunningProvider;
let canned: RunningServer;

beforeAll(async () => {
  graph = await startReferenceProvider();
  canned = await startCannedServer({
    '/entity': { status: 200, contentType: 'application/json', body: JSON.stringify(ENTITY) },
    '/login-page': {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><title>Sign in to your account</title>',
    },
    '/no-content': { status: 204, body: '' },
  });
});

afterAll(async () => {
  await graph.provider.close();
  await canned.close();
});

describe('toMatchUserStatusContract on plain objects', () => {
  it('passes every valid entity fixture', () => {
    const entities = loadFixtureManifest().filter((f) => f.contract === 'entity' && f.valid);
    expect(entities.length).toBeGreaterThan(0);
    for (const fixture of entities) expect(readFixture(fixture.file)).toMatchUserStatusContract();
  });

  it('fails a devicesCount above Int32 max and names /devicesCount, maximum, and the value', () => {
    const message = failureMessage(() =>
      expect({ ...ENTITY, devicesCount: 2147483648 }).toMatchUserStatusContract(),
    );
    expect(message).toContain('expect(received).toMatchUserStatusContract()');
    expect(message).toMatch(/breaks it in 1 place:/);
    expect(message).toMatch(/1\. \/devicesCount maximum: .*found 2147483648/);
    expect(message).toMatch(/Expected: <= 2147483647\n\s+Received: 2147483648/);
  });

  it('names the unexpected property', () => {
    expect(() =>
      expect(readFixture('invalid/entity/unknown-property.json')).toMatchUserStatusContract(),
    ).toThrow(/\/userName additionalProperties: unexpected property "userName"/);
    const message = failureMessage(() =>
      expect({ ...ENTITY, userName: 'AdeleV' }).toMatchUserStatusContract(),
    );
    expect(message).toMatch(/Unexpected property: "userName"\n\s+Received: "AdeleV"/);
  });

  it('lists the allowed values of a status with the wrong case', () => {
    const message = failureMessage(() =>
      expect({ ...ENTITY, status: 'Compliant' }).toMatchUserStatusContract(),
    );
    expect(message).toMatch(/\/status enum: /);
    expect(message).toContain(
      'Allowed values: "unknown", "notApplicable", "compliant", "remediated", "nonCompliant", "error", "conflict", "notAssigned"',
    );
    expect(message).toContain('Received: "Compliant"');
  });

  it('lists every issue, numbered, and shows the received value', () => {
    const { id: _id, ...withoutId } = ENTITY;
    const message = failureMessage(() =>
      expect({ ...withoutId, devicesCount: '3', extra: true }).toMatchUserStatusContract(),
    );
    expect(message).toMatch(/breaks it in 3 places:/);
    expect(message).toMatch(/1\. \/id required/);
    expect(message).toMatch(/2\. \/extra additionalProperties/);
    expect(message).toMatch(/3\. \/devicesCount type: .*found string "3"/);
    expect(message).toMatch(/Received: \{.*"devicesCount": "3"/);
  });

  it.each(
    loadFixtureManifest()
      .filter((f) => f.contract === 'entity' && !f.valid)
      .map((f) => [f.file, f] as const),
  )('fails %s and names each labelled (path, rule)', (_file, fixture) => {
    const message = failureMessage(() =>
      expect(readFixture(fixture.file)).toMatchUserStatusContract(),
    );
    for (const { path, rule } of fixture.violations) expect(message).toContain(`${path} ${rule}:`);
  });

  it('fails a create body, which lacks the id a server assigns', () => {
    expect(() => expect(CREATE_BODY).toMatchUserStatusContract()).toThrow(/\/id required/);
  });

  it('fails a root that is not an object, at (root)', () => {
    expect(() => expect(null).toMatchUserStatusContract()).toThrow(/\(root\) type/);
    expect(() => expect('{"id":"x"}').toMatchUserStatusContract()).toThrow(/\(root\) type/);
  });

  it('under .not, passes an invalid value and fails a valid one saying it does match', () => {
    expect({ ...ENTITY, status: 'Compliant' }).not.toMatchUserStatusContract();
    const message = failureMessage(() => expect(ENTITY).not.toMatchUserStatusContract());
    expect(message).toContain('expect(received).not.toMatchUserStatusContract()');
    expect(message).toContain('Expected the value not to match the entity contract, but it does.');
  });

  it('takes an entity whose status is a string for the value itself, not for a response', () => {
    // An entity with headers-like extras is still checked as the JSON value it is.
    const message = failureMessage(() =>
      expect({ ...ENTITY, headers: {}, body: {} }).toMatchUserStatusContract(),
    );
    expect(message).toContain('Expected the value to match');
    expect(message).toMatch(/\/headers additionalProperties/);
  });

  it('cannot check a Promise and says to await it, with or without .not', () => {
    const pending = Promise.resolve(ENTITY);
    for (const run of [
      () => expect(pending).toMatchUserStatusContract(),
      () => expect(pending).not.toMatchUserStatusContract(),
    ]) {
      expect(run).toThrow(/it is a Promise: await the response/);
    }
  });
});

describe('toMatchUserStatusContract on fetch Responses', () => {
  it('passes a 201 Response from the reference provider, and leaves its body readable', async () => {
    const response = await fetch(`${graph.url}${graph.createPath}`, {
      method: 'POST',
      headers: { authorization: graph.authorization, ...JSON_TYPE },
      body: JSON.stringify(CREATE_BODY),
    });
    expect(response.status).toBe(201);
    await expect(response).toMatchUserStatusContract();
    expect(await response.json()).toMatchObject(CREATE_BODY);
  });

  it('fails an entity Response that breaks the contract, listing the issue', async () => {
    const response = new Response(JSON.stringify({ ...ENTITY, devicesCount: 1.5 }), {
      status: 200,
      headers: JSON_TYPE,
    });
    const message = await rejectionMessage(expect(response).toMatchUserStatusContract());
    expect(message).toContain(
      'Expected the body of the fetch Response (status 200) to match the entity contract',
    );
    expect(message).toMatch(/\/devicesCount type: .*found number 1\.5/);
    expect(message).toContain('Received status: 200');
  });

  it('fails a 404 Response and shows the status and the body', async () => {
    const response = await fetch(`${graph.url}${graph.missingPolicyPath}`, {
      method: 'POST',
      headers: { authorization: graph.authorization, ...JSON_TYPE },
      body: JSON.stringify(CREATE_BODY),
    });
    const message = await rejectionMessage(expect(response).toMatchUserStatusContract());
    expect(message).toContain(
      'Expected a 2xx response whose body matches the entity contract, but the fetch Response has status 404.',
    );
    expect(message).toContain('Received status: 404');
    expect(message).toMatch(/Received body: \{"error": \{"code": "ResourceNotFound"/);
  });

  it('fails an HTML body as not JSON, without throwing: .not passes it', async () => {
    const message = await rejectionMessage(
      expect(await fetch(`${canned.url}/login-page`)).toMatchUserStatusContract(),
    );
    expect(message).toMatch(
      /to be JSON matching the entity contract, but the body is not JSON \(.*content-type text\/html; charset=utf-8\)/,
    );
    expect(message).toContain('Received body (not JSON): "<!doctype html><title>Sign in');
    await expect(await fetch(`${canned.url}/login-page`)).not.toMatchUserStatusContract();
  });

  it('fails a 204 Response with no body', async () => {
    await expect(
      expect(await fetch(`${canned.url}/no-content`)).toMatchUserStatusContract(),
    ).rejects.toThrow(/the body is empty/);
  });

  it('cannot check a Response whose body was already read, with or without .not', async () => {
    const response = await fetch(`${canned.url}/entity`);
    await response.json();
    await expect(expect(response).toMatchUserStatusContract()).rejects.toThrow(
      /its body has already been read: pass the parsed JSON instead, or a response\.clone\(\)/,
    );
    await expect(expect(response).not.toMatchUserStatusContract()).rejects.toThrow(
      /already been read/,
    );
  });

  it('under .not, fails a matching Response saying its body does match', async () => {
    const message = await rejectionMessage(
      expect(await fetch(`${canned.url}/entity`)).not.toMatchUserStatusContract(),
    );
    expect(message).toContain('expect(received).not.toMatchUserStatusContract()');
    expect(message).toContain(
      'Expected the body of the fetch Response (status 200) not to match the entity contract, but it does.',
    );
  });

  it('works after .resolves on a fetch promise', async () => {
    await expect(fetch(`${canned.url}/entity`)).resolves.toMatchUserStatusContract();
    const message = await rejectionMessage(
      expect(fetch(`${canned.url}/login-page`)).resolves.toMatchUserStatusContract(),
    );
    expect(message).toContain('expect(received).resolves.toMatchUserStatusContract()');
    expect(message).toContain('the body is not JSON');
  });
});

describe('toMatchUserStatusContract on axios responses', () => {
  const client = axios.create({ validateStatus: () => true });

  it('passes a 201 axios response from the reference provider', async () => {
    const response = await client.post(`${graph.url}${graph.createPath}`, CREATE_BODY, {
      headers: { authorization: graph.authorization },
    });
    expect(response.status).toBe(201);
    expect(response).toMatchUserStatusContract();
  });

  it('fails a 404 axios response and shows the status and the Graph error body', async () => {
    const response = await client.post(`${graph.url}${graph.missingPolicyPath}`, CREATE_BODY, {
      headers: { authorization: graph.authorization },
    });
    expect(() => expect(response).toMatchUserStatusContract()).toThrow(
      /but the axios response has status 404/,
    );
    expect(response).not.toMatchUserStatusContract();
  });

  it('fails an axios response whose body is HTML, as not JSON', async () => {
    const response = await client.get(`${canned.url}/login-page`);
    expect(typeof response.data).toBe('string');
    expect(() => expect(response).toMatchUserStatusContract()).toThrow(
      /the body is not JSON \(Unexpected token/,
    );
  });

  it('reads an axios response asked as text or as bytes', async () => {
    expect(
      await client.get(`${canned.url}/entity`, { responseType: 'text' }),
    ).toMatchUserStatusContract();
    expect(
      await client.get(`${canned.url}/entity`, { responseType: 'arraybuffer' }),
    ).toMatchUserStatusContract();
  });

  it('cannot check an axios response whose body is a stream', async () => {
    const response = await client.get(`${canned.url}/entity`, { responseType: 'stream' });
    expect(() => expect(response).toMatchUserStatusContract()).toThrow(
      /its body is a stream: read it first/,
    );
    expect(() => expect(response).not.toMatchUserStatusContract()).toThrow(/stream/);
    (response.data as { destroy(): void }).destroy();
  });
});

describe('toMatchUserStatusContract on supertest responses', () => {
  it('passes a 201 supertest response from the reference provider handler', async () => {
    const response = await supertest(graph.provider.handler)
      .post(graph.createPath)
      .set('authorization', graph.authorization)
      .send(CREATE_BODY);
    expect(response.status).toBe(201);
    expect(response).toMatchUserStatusContract();
  });

  it('fails a supertest response whose entity breaks the contract', async () => {
    const server = await startCannedServer({
      '/entity': {
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ ...ENTITY, status: 'Compliant' }),
      },
    });
    try {
      const response = await supertest(server.url).get('/entity');
      expect(() => expect(response).toMatchUserStatusContract()).toThrow(
        /Expected the body of the supertest response \(status 200\) to match the entity contract/,
      );
      expect(() => expect(response).toMatchUserStatusContract()).toThrow(
        /Allowed values: .*"compliant"/,
      );
    } finally {
      await server.close();
    }
  });

  it('fails an HTML supertest response from its text, not its empty parsed body', async () => {
    const response = await supertest(canned.handler).get('/login-page');
    expect(response.body).toEqual({});
    expect(() => expect(response).toMatchUserStatusContract()).toThrow(/the body is not JSON/);
  });

  it('fails a 401 supertest response, showing the status', async () => {
    const response = await supertest(graph.provider.handler)
      .post(graph.createPath)
      .send(CREATE_BODY);
    expect(() => expect(response).toMatchUserStatusContract()).toThrow(
      /but the supertest response has status 401/,
    );
  });
});
