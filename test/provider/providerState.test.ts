import { DEFAULT_POLICY_ID } from '../../src/provider/defaults';
import { PROVIDER_STATES_PATH } from '../../src/provider/matchRoute';
import {
  call,
  collectionPath,
  createStatus,
  expectGraphError,
  startProvider,
} from './providerHarness';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';

const NEW_POLICY = '5f2b7c1e-8d4a-4c3b-9e6f-1a2b3c4d5e6f';

describe('setProviderState (the function)', () => {
  it('makes a policy exist and empties the store', async () => {
    const { provider, url } = await startProvider();
    try {
      await createStatus(url);
      expectGraphError(await call(url, 'GET', collectionPath(NEW_POLICY)), 404, 'ResourceNotFound');
      provider.setProviderState({ policyId: NEW_POLICY });
      expect(provider.store.size).toBe(0);
      expect((await call(url, 'GET', collectionPath(NEW_POLICY))).status).toBe(200);
      await createStatus(url, {}, NEW_POLICY);
      // The policies that existed still do.
      const list = await call(url, 'GET', collectionPath(DEFAULT_POLICY_ID));
      expect(list.json).toMatchObject({ value: [] });
    } finally {
      await provider.close();
    }
  });

  it('refuses an empty policy id', async () => {
    const { provider } = await startProvider();
    try {
      expect(() => provider.setProviderState({ policyId: '' })).toThrow(/policy id/);
    } finally {
      await provider.close();
    }
  });
});

describe(`POST ${PROVIDER_STATES_PATH} (the route)`, () => {
  it('is an unknown path unless enabled (401 without a token, 404 with one)', async () => {
    const { provider, url } = await startProvider();
    try {
      const body = JSON.stringify({
        state: 's',
        params: { policyId: NEW_POLICY },
        action: 'setup',
      });
      expectGraphError(
        await call(url, 'POST', PROVIDER_STATES_PATH, {
          body,
          headers: { authorization: undefined },
        }),
        401,
        'InvalidAuthenticationToken',
      );
      expectGraphError(
        await call(url, 'POST', PROVIDER_STATES_PATH, { body }),
        404,
        'ResourceNotFound',
      );
      expectGraphError(await call(url, 'GET', collectionPath(NEW_POLICY)), 404, 'ResourceNotFound');
    } finally {
      await provider.close();
    }
  });

  it('when enabled, a setup makes the policy exist, resets the store and answers the params', async () => {
    const { provider, url } = await startProvider({ enableStateRoute: true });
    try {
      await createStatus(url);
      const response = await call(url, 'POST', PROVIDER_STATES_PATH, {
        headers: { authorization: undefined },
        body: JSON.stringify({
          state: 'a device compliance policy exists',
          params: { policyId: NEW_POLICY },
          action: 'setup',
        }),
      });
      expect(response.status).toBe(200);
      expect(response.json).toEqual({ policyId: NEW_POLICY });
      expect(provider.store.size).toBe(0);
      const created = await call(url, 'POST', collectionPath(NEW_POLICY), {
        body: JSON.stringify(SAMPLE_CREATE_REQUEST),
      });
      expect(created.status).toBe(201);
    } finally {
      await provider.close();
    }
  });

  it('when enabled, a state without policyId only resets, and a teardown changes nothing', async () => {
    const { provider, url } = await startProvider({ enableStateRoute: true });
    try {
      await createStatus(url);
      const teardown = await call(url, 'POST', PROVIDER_STATES_PATH, {
        body: JSON.stringify({ state: 'x', params: { policyId: NEW_POLICY }, action: 'teardown' }),
      });
      expect(teardown.status).toBe(200);
      expect(provider.store.size).toBe(1);
      expectGraphError(await call(url, 'GET', collectionPath(NEW_POLICY)), 404, 'ResourceNotFound');
      const missing = await call(url, 'POST', PROVIDER_STATES_PATH, {
        body: JSON.stringify({
          state: 'no device compliance policy has the requested id',
          params: { missingPolicyId: '00000000-0000-0000-0000-000000000000' },
        }),
      });
      expect(missing.status).toBe(200);
      expect(missing.json).toEqual({ missingPolicyId: '00000000-0000-0000-0000-000000000000' });
      expect(provider.store.size).toBe(0);
      const empty = await call(url, 'POST', PROVIDER_STATES_PATH, { body: '' });
      expect(empty.status).toBe(200);
      expect(empty.json).toEqual({});
    } finally {
      await provider.close();
    }
  });

  it('when enabled, answers deeply nested state changes without a 500 (params nested too deep: 400)', async () => {
    const { provider, url } = await startProvider({ enableStateRoute: true });
    try {
      const depth = 3_600;
      const deep = `${'['.repeat(depth)}"\\ud83d\\ude00"${']'.repeat(depth)}`;
      const ignored = await call(url, 'POST', PROVIDER_STATES_PATH, {
        body: `{"state":"s","x":${deep}}`,
      });
      expect(ignored.status).toBe(200);
      expect(ignored.json).toEqual({});
      const echoed = await call(url, 'POST', PROVIDER_STATES_PATH, {
        body: `{"state":"s","params":{"policyId":"p1","x":${deep}}}`,
      });
      const error = expectGraphError(echoed, 400, 'BadRequest');
      expect(error.message).toMatch(/params.*nested deeper than \d+ levels/);
      const shallow = await call(url, 'POST', PROVIDER_STATES_PATH, {
        body: '{"state":"s","params":{"policyId":"p1","tags":[["a"],{"b":[1]}]}}',
      });
      expect(shallow.json).toEqual({ policyId: 'p1', tags: [['a'], { b: [1] }] });
    } finally {
      await provider.close();
    }
  });

  it('when enabled, refuses a malformed state change (400) and other methods (405)', async () => {
    const { provider, url } = await startProvider({ enableStateRoute: true });
    try {
      for (const body of ['{', '[]', '{"params":{"policyId":""}}', '{"params":{"policyId":7}}']) {
        expectGraphError(
          await call(url, 'POST', PROVIDER_STATES_PATH, { body }),
          400,
          'BadRequest',
        );
      }
      const get = await call(url, 'GET', PROVIDER_STATES_PATH);
      expectGraphError(get, 405, 'MethodNotAllowed');
      expect(get.headers['allow']).toBe('POST');
    } finally {
      await provider.close();
    }
  });
});
