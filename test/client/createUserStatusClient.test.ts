import {
  createUserStatusClient,
  type FetchLike,
  type FetchLikeResponse,
} from '../../src/client/createUserStatusClient';
import type { CreateUserStatusRequest } from '../../src/contracts/types.generated';
import { ConnectionError, ContractViolationError, GraphRequestError } from '../../src/errors';
import { createUserStatusRequestFactory } from '../../src/factories/createUserStatusRequestFactory';
import { userStatusFactory } from '../../src/factories/userStatusFactory';
import { createProvider, type Provider } from '../../src/provider/createProvider';

const TOKEN = 'client-test-token';
const POLICY_ID = 'client-test-policy';
const body = createUserStatusRequestFactory.seed(5).build();

function response(
  status: number,
  text: string,
  headers: Record<string, string> = {},
): FetchLikeResponse {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: '',
    headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    text: () => Promise.resolve(text),
  };
}

describe('createUserStatusClient against the reference provider', () => {
  let provider: Provider;
  let baseUrl: string;

  beforeAll(async () => {
    provider = createProvider({ tokens: [TOKEN], policyIds: [POLICY_ID] });
    baseUrl = `${(await provider.listen({ port: 0 })).url}/v1.0`;
  });
  afterAll(() => provider.close());

  it('creates a user status and resolves to the created entity', async () => {
    const client = createUserStatusClient({ baseUrl, token: TOKEN });
    const created = await client.createUserStatus(POLICY_ID, body);
    expect(created).toMatchObject({
      ...body,
      '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
    });
    expect(created.id).toEqual(expect.any(String));
  });

  it('asks a token function before every request', async () => {
    let calls = 0;
    const client = createUserStatusClient({
      baseUrl: `${baseUrl}/`,
      token: () => {
        calls++;
        return Promise.resolve(TOKEN);
      },
    });
    await client.createUserStatus(POLICY_ID, body);
    await client.createUserStatus(POLICY_ID, body);
    expect(calls).toBe(2);
  });

  it('rejects with a GraphRequestError carrying status, Graph code and request-id (401)', async () => {
    const client = createUserStatusClient({ baseUrl });
    const failure = await client.createUserStatus(POLICY_ID, body).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphRequestError);
    expect(failure).toMatchObject({
      code: 'E_GRAPH_REQUEST',
      status: 401,
      graphCode: 'InvalidAuthenticationToken',
      requestId: expect.any(String) as unknown,
    });
    expect((failure as Error).message).toMatch(
      /^the provider answered 401 InvalidAuthenticationToken: /,
    );
  });

  it('rejects an unknown policy with 404 ResourceNotFound', async () => {
    const client = createUserStatusClient({ baseUrl, token: TOKEN });
    await expect(client.createUserStatus('no/such policy', body)).rejects.toMatchObject({
      status: 404,
      graphCode: 'ResourceNotFound',
    });
  });

  it('rejects an invalid body with 400 BadRequest', async () => {
    const client = createUserStatusClient({ baseUrl, token: TOKEN });
    const invalid = { ...body, devicesCount: 'Integer' } as unknown as CreateUserStatusRequest;
    await expect(client.createUserStatus(POLICY_ID, invalid)).rejects.toMatchObject({
      status: 400,
      graphCode: 'BadRequest',
    });
  });

  it('rejects with a ConnectionError when nothing listens', async () => {
    const closed = createProvider();
    const { url } = await closed.listen({ port: 0 });
    await closed.close();
    const client = createUserStatusClient({ baseUrl: url, token: TOKEN });
    const failure = await client.createUserStatus(POLICY_ID, body).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectionError);
    expect((failure as Error).message).toContain('ECONNREFUSED');
  });
});

describe('createUserStatusClient with a fetch double', () => {
  it('sends the bearer token, JSON headers, client-request-id and an encoded policy id', async () => {
    const calls: Array<Parameters<FetchLike>> = [];
    const entity = userStatusFactory.seed(5).build();
    const client = createUserStatusClient({
      baseUrl: 'https://graph.example/v1.0',
      token: 't',
      fetch: (...args) => {
        calls.push(args);
        return Promise.resolve(response(201, JSON.stringify(entity)));
      },
    });
    await client.createUserStatus('a/b c', body, { clientRequestId: 'abc' });
    expect(calls[0]?.[0]).toBe(
      'https://graph.example/v1.0/deviceManagement/deviceCompliancePolicies/a%2Fb%20c/userStatuses',
    );
    expect(calls[0]?.[1]).toMatchObject({
      method: 'POST',
      headers: {
        authorization: 'Bearer t',
        'content-type': 'application/json',
        accept: 'application/json',
        'client-request-id': 'abc',
      },
      body: JSON.stringify(body),
    });
  });

  it('rejects a 2xx body that breaks the entity contract, unless checkResponses is off', async () => {
    const broken = { ...userStatusFactory.seed(5).build(), devicesCount: '3' };
    const fetch: FetchLike = () => Promise.resolve(response(201, JSON.stringify(broken)));
    await expect(
      createUserStatusClient({ fetch }).createUserStatus('p', body),
    ).rejects.toBeInstanceOf(ContractViolationError);
    await expect(
      createUserStatusClient({ fetch, checkResponses: false }).createUserStatus('p', body),
    ).resolves.toEqual(broken);
  });

  it('uses the global fetch of the moment of each call, so mocks installed later apply', async () => {
    const entity = userStatusFactory.seed(5).build();
    const client = createUserStatusClient({ baseUrl: 'https://graph.example/v1.0' });
    const original = globalThis.fetch;
    const urls: string[] = [];
    globalThis.fetch = ((url: string) => {
      urls.push(url);
      return Promise.resolve(response(201, JSON.stringify(entity)));
    }) as unknown as typeof fetch;
    try {
      await expect(client.createUserStatus('p', body)).resolves.toEqual(entity);
    } finally {
      globalThis.fetch = original;
    }
    expect(urls).toEqual([
      'https://graph.example/v1.0/deviceManagement/deviceCompliancePolicies/p/userStatuses',
    ]);
  });

  it('rejects a 2xx body that is not JSON with a ContractViolationError', async () => {
    const fetch: FetchLike = () => Promise.resolve(response(201, '<html>'));
    await expect(
      createUserStatusClient({ fetch }).createUserStatus('p', body),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ rule: 'json' })],
    });
  });

  it("keeps the status and request-id header of an error without Graph's envelope", async () => {
    const fetch: FetchLike = () =>
      Promise.resolve(response(502, 'Bad gateway from the proxy', { 'request-id': 'hdr-id' }));
    await expect(
      createUserStatusClient({ fetch }).createUserStatus('p', body),
    ).rejects.toMatchObject({
      status: 502,
      graphCode: undefined,
      requestId: 'hdr-id',
      body: 'Bad gateway from the proxy',
      graphMessage: expect.stringContaining('Bad gateway') as unknown,
    });
  });

  it('turns a request that takes too long into a ConnectionError', async () => {
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal.addEventListener('abort', () => reject(init.signal.reason)),
      );
    const failure = await createUserStatusClient({ fetch, timeoutMs: 20 })
      .createUserStatus('p', body)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectionError);
    expect((failure as Error).message).toContain('timed out');
  });

  it("passes the caller's own abort through unchanged", async () => {
    const controller = new AbortController();
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal.addEventListener('abort', () => reject(new Error('aborted by caller'))),
      );
    const pending = createUserStatusClient({ fetch }).createUserStatus('p', body, {
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toThrow('aborted by caller');
  });
});
