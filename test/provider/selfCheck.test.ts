import type { DeviceComplianceUserStatus } from '../../src/contracts/types.generated';
import { createProvider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID } from '../../src/provider/defaults';
import { UserStatusStore } from '../../src/provider/UserStatusStore';
import { listIssues } from '../../src/validator/listIssues';
import { call, collectionPath, expectGraphError, startProvider } from './providerHarness';

/** A store holding one entity that breaks the contract, as a provider bug would leave it. */
function storeWithBrokenEntity(): UserStatusStore {
  const store = new UserStatusStore();
  store.add(DEFAULT_POLICY_ID, {
    '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
    id: 'broken',
    userDisplayName: 'Broken',
    devicesCount: 2.5,
    status: 'compliant',
    lastReportedDateTime: '2020-06-14T20:52:52Z',
    userPrincipalName: null,
  } as DeviceComplianceUserStatus);
  return store;
}

describe('the self-check', () => {
  it('replaces an entity that breaks the contract with a Graph 500 naming the issue', async () => {
    const { provider, url } = await startProvider({ store: storeWithBrokenEntity() });
    try {
      for (const path of [`${collectionPath()}/broken`, collectionPath()]) {
        const response = await call(url, 'GET', path);
        const error = expectGraphError(response, 500, 'InternalServerError');
        expect(error.message).toContain('broke its own contract');
        expect(error.message).toContain('/devicesCount');
      }
    } finally {
      await provider.close();
    }
  });

  it('is off by default (it is a mode tests turn on)', async () => {
    const provider = createProvider({ store: storeWithBrokenEntity() });
    const { url } = await provider.listen({ port: 0 });
    try {
      expect((await call(url, 'GET', `${collectionPath()}/broken`)).status).toBe(200);
    } finally {
      await provider.close();
    }
  });

  it('is what catches it: with the self-check off, the broken entity goes out', async () => {
    const { provider, url } = await startProvider({
      store: storeWithBrokenEntity(),
      selfCheck: false,
    });
    try {
      const response = await call(url, 'GET', `${collectionPath()}/broken`);
      expect(response.status).toBe(200);
      expect(listIssues('entity', response.json)).not.toEqual([]);
    } finally {
      await provider.close();
    }
  });
});
