import { Client } from 'undici';
import { COMPLIANCE_STATUSES } from '../../src/contracts/complianceStatuses';
import type { Provider } from '../../src/provider/createProvider';
import { DEFAULT_TOKEN } from '../../src/provider/defaults';
import { listIssues } from '../../src/validator/listIssues';
import { collectionPath, startProvider } from './providerHarness';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';

const CLIENTS = 60;
const CREATES_PER_CLIENT = 8;
const POLICIES = ['policy-a', 'policy-b', 'policy-c', 'policy-d'];

let provider: Provider;
let url: string;

beforeAll(async () => {
  ({ provider, url } = await startProvider({ policyIds: POLICIES }));
});

afterAll(() => provider.close());

describe('concurrent clients', () => {
  it(`loses nothing: ${CLIENTS} clients creating under ${POLICIES.length} policies, then listing`, async () => {
    // One connection per client, all sending at once.
    const clients = Array.from({ length: CLIENTS }, () => new Client(url, { pipelining: 1 }));
    const created = new Map<string, Record<string, unknown>[]>(POLICIES.map((p) => [p, []]));
    try {
      await Promise.all(
        clients.map(async (client, c) => {
          for (let i = 0; i < CREATES_PER_CLIENT; i++) {
            const policyId = POLICIES[(c + i) % POLICIES.length] as string;
            const body = {
              ...SAMPLE_CREATE_REQUEST,
              userDisplayName: `client ${c} create ${i}`,
              devicesCount: c * 1000 + i,
              status: COMPLIANCE_STATUSES[(c + i) % COMPLIANCE_STATUSES.length],
            };
            const response = await client.request({
              method: 'POST',
              path: collectionPath(policyId),
              headers: {
                authorization: `Bearer ${DEFAULT_TOKEN}`,
                'content-type': 'application/json',
              },
              body: JSON.stringify(body),
            });
            const answer = (await response.body.json()) as Record<string, unknown>;
            if (response.statusCode === 201) {
              expect(answer).toMatchObject(body);
              created.get(policyId)?.push(answer);
            }
          }
        }),
      );
      const lister = clients[0] as Client;
      let total = 0;
      for (const policyId of POLICIES) {
        // The listing is paged: follow @odata.nextLink to the last page.
        const value: Record<string, unknown>[] = [];
        let path: string | undefined = collectionPath(policyId);
        while (path !== undefined) {
          const response = await lister.request({
            method: 'GET',
            path,
            headers: { authorization: `Bearer ${DEFAULT_TOKEN}` },
          });
          expect(response.statusCode).toBe(200);
          const page = (await response.body.json()) as {
            value: Record<string, unknown>[];
            '@odata.nextLink'?: string;
          };
          value.push(...page.value);
          const next = page['@odata.nextLink'];
          path = next === undefined ? undefined : next.slice(url.length);
        }
        const expected = (created.get(policyId) ?? []).map(
          ({ '@odata.context': _context, ...entity }) => entity,
        );
        total += expected.length;
        // Every create that answered 201 is listed exactly once, with the fields it was given.
        expect(value).toHaveLength(expected.length);
        expect(new Set(value.map((item) => item['id'])).size).toBe(value.length);
        expect(sortById(value)).toEqual(sortById(expected));
        for (const item of value) expect(listIssues('entity', item)).toEqual([]);
      }
      expect(total).toBe(CLIENTS * CREATES_PER_CLIENT);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });
});

function sortById(items: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return [...items].sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
}
