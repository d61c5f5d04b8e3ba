import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { SpecificationVersion } from '@pact-foundation/pact/src/v3/types';
import { PactV4 } from '@pact-foundation/pact/src/v4';
import { BearerTokenMiddleware } from '../../examples/graph-client-consumer/bearerTokenMiddleware';
import { UsageError } from '../../src/errors';
import { createUserStatusInteractions } from '../../src/pact/createUserStatusInteractions';
import { POLICY_EXISTS } from '../../src/pact/providerStates';
import { verifyProvider } from '../../src/pact/verifyProvider';
import { createProvider } from '../../src/provider/createProvider';

process.env['PACT_DO_NOT_TRACK'] = 'true';

function graphClient(hostUrl: string, token: string | undefined): Client {
  // The Graph client's own auth handler sends tokens to https hosts only.
  const fetcher = new HTTPMessageHandler();
  const auth = token === undefined ? undefined : new BearerTokenMiddleware(async () => token);
  auth?.setNext(fetcher);
  return Client.initWithMiddleware({
    middleware: auth ?? fetcher,
    baseUrl: `${hostUrl}/`,
    defaultVersion: 'v1.0',
  });
}

describe('createUserStatusInteractions', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'own-names-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("records the same interactions under another team's names, driving Microsoft's Graph client", async () => {
    const pact = new PactV4({
      consumer: 'my-app',
      provider: 'my-graph',
      dir,
      spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
      logLevel: 'warn',
    });
    const { created, unknownPolicy } = createUserStatusInteractions({
      seed: 7,
      token: 'my-token',
      pathPrefix: '/v1.0',
    });
    await created.addTo(pact).executeTest(async (server) => {
      const client = graphClient(server.url, created.token);
      const answer = (await client
        .api(`/deviceManagement/deviceCompliancePolicies/${created.policyId}/userStatuses`)
        .post(created.body)) as Record<string, unknown>;
      expect(answer).toEqual(created.responseBody);
    });
    await unknownPolicy.addTo(pact).executeTest(async (server) => {
      const client = graphClient(server.url, unknownPolicy.token);
      await expect(
        client
          .api(`/deviceManagement/deviceCompliancePolicies/${unknownPolicy.policyId}/userStatuses`)
          .post(unknownPolicy.body),
      ).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
    });
    const file = join(dir, 'my-app-my-graph.json');
    const written = JSON.parse(readFileSync(file, 'utf8')) as {
      consumer: { name: string };
      interactions: Array<{ request: { path: string }; providerStates: Array<{ name: string }> }>;
    };
    expect(written.consumer.name).toBe('my-app');
    expect(written.interactions.map((i) => i.request.path)).toEqual([
      `/v1.0/deviceManagement/deviceCompliancePolicies/${created.policyId}/userStatuses`,
      `/v1.0/deviceManagement/deviceCompliancePolicies/${unknownPolicy.policyId}/userStatuses`,
    ]);
    expect(written.interactions[0]?.providerStates[0]?.name).toBe(POLICY_EXISTS);

    // The same pact verifies against the reference provider, which also serves /v1.0.
    const provider = createProvider({ tokens: ['real-token'], policyIds: ['real-policy'] });
    const { url } = await provider.listen({ port: 0 });
    try {
      const report = await verifyProvider({
        baseUrl: url,
        token: 'real-token',
        policyId: 'real-policy',
        pacts: [file],
        provider: 'my-graph',
      });
      expect(report.interactions.filter((i) => !i.passed)).toEqual([]);
      expect(report.passed).toBe(true);
    } finally {
      await provider.close();
    }
  });

  it('builds the same examples from the same seed, and other examples from another seed', () => {
    const one = createUserStatusInteractions({ seed: 3 });
    expect(createUserStatusInteractions({ seed: 3 }).created.body).toEqual(one.created.body);
    expect(createUserStatusInteractions({ seed: 4 }).created.body).not.toEqual(one.created.body);
    expect(one.createdWithoutNames.body).toMatchObject({
      userDisplayName: null,
      userPrincipalName: null,
    });
    expect(one.missingBearer.token).toBeUndefined();
    expect(one.invalidBody.body).toMatchObject({ devicesCount: 'Integer' });
  });

  it('refuses a path prefix that would not join to a path', () => {
    expect(() => createUserStatusInteractions({ pathPrefix: 'v1.0' })).toThrow(UsageError);
    expect(() => createUserStatusInteractions({ pathPrefix: '/v1.0/' })).toThrow(UsageError);
  });
});
