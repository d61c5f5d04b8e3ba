// Unit tests of the app with supertest, for what the pact and the fuzzer do not pin down: headers,
// the update, the listing. Bodies come from the toolkit's factory; answers are held to the contract.
import request from 'supertest';
import { createUserStatusRequestFactory, listIssues } from 'user-status-contracts';
import { createApp } from './app';

const TOKEN = 'unit-test-token';
const POLICY_ID = 'p1';
const COLLECTION = `/v1.0/deviceManagement/deviceCompliancePolicies/${POLICY_ID}/userStatuses`;
const app = createApp({ tokens: [TOKEN], policyIds: [POLICY_ID] });
const auth = { Authorization: `Bearer ${TOKEN}` };

describe('the Express provider, request by request', () => {
  it('creates a status: 201, a Location to read it back, the entity as the contract says', async () => {
    const body = createUserStatusRequestFactory.nonCompliant().withDevices(2).build();
    const created = await request(app).post(COLLECTION).set(auth).send(body).expect(201);
    expect(listIssues('entity', created.body)).toEqual([]);
    expect(created.body).toMatchObject({
      ...body,
      '@odata.context': expect.any(String) as unknown,
    });
    const location = new URL(created.headers['location'] ?? '');
    const read = await request(app).get(location.pathname).set(auth).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('lists, updates and deletes', async () => {
    const body = createUserStatusRequestFactory.compliant().build();
    const { id } = (await request(app).post(COLLECTION).set(auth).send(body).expect(201)).body as {
      id: string;
    };
    const listing = await request(app).get(COLLECTION).set(auth).expect(200);
    expect((listing.body as { value: { id: string }[] }).value.map((s) => s.id)).toContain(id);
    const updated = await request(app)
      .patch(`${COLLECTION}/${id}`)
      .set(auth)
      .send({ status: 'error', userDisplayName: null })
      .expect(200);
    expect(updated.body).toMatchObject({ id, status: 'error', userDisplayName: null });
    await request(app)
      .patch(`${COLLECTION}/${id}`)
      .set(auth)
      .send({ id: 'another-id' })
      .expect(400);
    await request(app).delete(`${COLLECTION}/${id}`).set(auth).expect(204);
    await request(app).get(`${COLLECTION}/${id}`).set(auth).expect(404);
  });

  it("answers every error with Graph's envelope and the headers that go with it", async () => {
    const body = createUserStatusRequestFactory.build();
    const unauthenticated = await request(app).post(COLLECTION).send(body).expect(401);
    expect(unauthenticated.headers['www-authenticate']).toBe('Bearer');
    const wrongMethod = await request(app).put(COLLECTION).set(auth).send(body).expect(405);
    expect(wrongMethod.headers['allow']).toBe('GET, POST');
    const notJson = await request(app)
      .post(COLLECTION)
      .set(auth)
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(body))
      .expect(415);
    const malformed = await request(app)
      .post(COLLECTION)
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"devicesCount": 1,')
      .expect(400);
    const twice = await request(app)
      .post(COLLECTION)
      .set(auth)
      .set('Content-Type', 'application/json')
      .send(`{"status":"Bogus",${JSON.stringify(body).slice(1)}`)
      .expect(400);
    const invalid = await request(app)
      .post(COLLECTION)
      .set(auth)
      .send({ ...body, devicesCount: 2 ** 31 })
      .expect(400);
    const unknownPolicy = await request(app)
      .post('/deviceManagement/deviceCompliancePolicies/nope/userStatuses')
      .set(auth)
      .send(body)
      .expect(404);
    for (const answer of [
      unauthenticated,
      wrongMethod,
      notJson,
      malformed,
      twice,
      invalid,
      unknownPolicy,
    ]) {
      expect(listIssues('error', answer.body)).toEqual([]);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
    }
    expect(unknownPolicy.body).toMatchObject({ error: { code: 'ResourceNotFound' } });
    expect(invalid.body).toMatchObject({
      error: { code: 'BadRequest', details: [{ code: 'maximum', target: '/devicesCount' }] },
    });
  });
});
