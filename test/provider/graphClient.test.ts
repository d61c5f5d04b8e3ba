import { Client, GraphError, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import type { DeviceComplianceUserStatus } from '@microsoft/microsoft-graph-types';
import type { Provider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import type { RequestLogLine } from '../../src/provider/RequestLogLine';
import { listIssues } from '../../src/validator/listIssues';
import { startProvider } from './providerHarness';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';
import { BearerTokenMiddleware } from '../../examples/graph-client-consumer/bearerTokenMiddleware';

/** A Graph client pointed at a base URL, as an application would build it. */
function graphClient(baseUrl: string, token: string = DEFAULT_TOKEN): Client {
  const auth = new BearerTokenMiddleware(async () => token);
  auth.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({
    middleware: auth,
    baseUrl: `${baseUrl}/`,
    defaultVersion: 'v1.0',
  });
}

const USER_STATUSES = `/deviceManagement/deviceCompliancePolicies/${DEFAULT_POLICY_ID}/userStatuses`;

let provider: Provider;
let url: string;
const requests: RequestLogLine[] = [];

beforeAll(async () => {
  ({ provider, url } = await startProvider({ onRequest: (line) => requests.push(line) }));
});

afterAll(() => provider.close());

describe("Microsoft's Graph client against the provider", () => {
  it('creates a user status and reads it back, as an application calls Graph', async () => {
    const client = graphClient(url);
    const body: DeviceComplianceUserStatus = {
      ...SAMPLE_CREATE_REQUEST,
      status: 'nonCompliant',
      userDisplayName: 'Megan Bowen',
    };
    const created = (await client.api(USER_STATUSES).post(body)) as DeviceComplianceUserStatus;
    expect(listIssues('entity', created)).toEqual([]);
    expect(created).toMatchObject(body);
    expect(created.id).toEqual(expect.any(String));

    const read = (await client
      .api(`${USER_STATUSES}/${encodeURIComponent(created.id ?? '')}`)
      .get()) as DeviceComplianceUserStatus;
    expect(read).toEqual(created);

    const list = (await client.api(USER_STATUSES).get()) as {
      value: DeviceComplianceUserStatus[];
    };
    expect(list.value.map((item) => item.id)).toContain(created.id);
    // The client sent what it sends to Graph: the version prefix and the documented methods.
    expect(requests.slice(0, 3).map(({ method, path, status }) => [method, path, status])).toEqual([
      ['POST', `/v1.0${USER_STATUSES}`, 201],
      ['GET', `/v1.0${USER_STATUSES}/${encodeURIComponent(created.id ?? '')}`, 200],
      ['GET', `/v1.0${USER_STATUSES}`, 200],
    ]);
  });

  it('updates and deletes through the client', async () => {
    const client = graphClient(url);
    const created = (await client
      .api(USER_STATUSES)
      .post(SAMPLE_CREATE_REQUEST)) as DeviceComplianceUserStatus;
    const path = `${USER_STATUSES}/${encodeURIComponent(created.id ?? '')}`;
    const updated = (await client
      .api(path)
      .patch({ devicesCount: 9 })) as DeviceComplianceUserStatus;
    expect(updated).toEqual({ ...created, devicesCount: 9 });
    await client.api(path).delete();
    await expect(client.api(path).get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
  });

  it('gets a GraphError with statusCode, code and requestId for an invalid body', async () => {
    const client = graphClient(url);
    const attempt = client
      .api(USER_STATUSES)
      .post({ ...SAMPLE_CREATE_REQUEST, devicesCount: 2 ** 31 });
    await expect(attempt).rejects.toBeInstanceOf(GraphError);
    const error = (await attempt.catch((caught: unknown) => caught)) as GraphError;
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('BadRequest');
    expect(error.message).toContain('/devicesCount');
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.date).toBeInstanceOf(Date);
  });

  it('gets a 401 GraphError with a wrong token', async () => {
    await expect(graphClient(url, 'wrong').api(USER_STATUSES).get()).rejects.toMatchObject({
      statusCode: 401,
      code: 'InvalidAuthenticationToken',
    });
  });
});
