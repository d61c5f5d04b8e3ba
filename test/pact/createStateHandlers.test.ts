import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StateFuncWithSetup } from '@pact-foundation/pact/src/dsl/verifier/proxy/types';
import { createStateHandlers } from '../../src/pact/createStateHandlers';
import { POLICY_EXISTS, POLICY_MISSING } from '../../src/pact/providerStates';
import type { StateSetupFailure } from '../../src/pact/VerificationReport';

function handler(
  handlers: ReturnType<typeof createStateHandlers>,
  state: string,
): StateFuncWithSetup {
  return handlers[state] as StateFuncWithSetup;
}

describe('createStateHandlers without a state setup URL', () => {
  const failures: StateSetupFailure[] = [];
  const handlers = createStateHandlers({
    policyId: 'real-policy',
    onFailure: (f) => failures.push(f),
  });

  it("maps the state's policyId to the policy the user named", async () => {
    await expect(
      handler(handlers, POLICY_EXISTS).setup?.({ policyId: 'example' }),
    ).resolves.toEqual({
      policyId: 'real-policy',
    });
  });

  it('keeps params other than policyId, so the missing-policy state keeps its id', async () => {
    await expect(
      handler(handlers, POLICY_MISSING).setup?.({ missingPolicyId: '0000' }),
    ).resolves.toEqual({ missingPolicyId: '0000' });
  });

  it('has a handler for a state it has never heard of (a broker pact of another consumer)', async () => {
    await expect(
      handler(handlers, 'a state of another consumer').setup?.({ policyId: 'x', other: 1 }),
    ).resolves.toEqual({ policyId: 'real-policy', other: 1 });
    expect(failures).toEqual([]);
  });
});

describe('createStateHandlers with a state setup URL', () => {
  let server: Server;
  let url: string;
  const received: unknown[] = [];
  let answer: { status: number; body: string } = { status: 200, body: '{}' };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        received.push(JSON.parse(text));
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/states`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
  });

  it('posts { state, params, action } and injects the values the provider answers', async () => {
    answer = { status: 200, body: '{"policyId":"from-provider"}' };
    const handlers = createStateHandlers({ stateSetupUrl: url, onFailure: () => undefined });
    await expect(
      handler(handlers, POLICY_EXISTS).setup?.({ policyId: 'example' }),
    ).resolves.toEqual({
      policyId: 'from-provider',
    });
    await handler(handlers, POLICY_EXISTS).teardown?.({ policyId: 'example' });
    expect(received).toEqual([
      { state: POLICY_EXISTS, params: { policyId: 'example' }, action: 'setup' },
      { state: POLICY_EXISTS, params: { policyId: 'example' }, action: 'teardown' },
    ]);
  });

  it('posts the policy the user named when there is one', async () => {
    answer = { status: 200, body: '' };
    const handlers = createStateHandlers({
      stateSetupUrl: url,
      policyId: 'mine',
      onFailure: () => undefined,
    });
    await expect(
      handler(handlers, POLICY_EXISTS).setup?.({ policyId: 'example' }),
    ).resolves.toEqual({
      policyId: 'mine',
    });
    expect(received).toEqual([
      { state: POLICY_EXISTS, params: { policyId: 'mine' }, action: 'setup' },
    ]);
  });

  it('reports a state the provider refuses, instead of failing silently', async () => {
    answer = { status: 500, body: 'no' };
    const failures: StateSetupFailure[] = [];
    const handlers = createStateHandlers({
      stateSetupUrl: url,
      onFailure: (f) => failures.push(f),
    });
    await handler(handlers, POLICY_EXISTS).setup?.({ policyId: 'example' });
    expect(failures).toEqual([
      {
        state: POLICY_EXISTS,
        action: 'setup',
        message: expect.stringContaining('answered 500') as unknown,
      },
    ]);
  });

  it('reports a state setup URL nothing listens on', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/states`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const failures: StateSetupFailure[] = [];
    const handlers = createStateHandlers({
      stateSetupUrl: gone,
      onFailure: (f) => failures.push(f),
    });
    await handler(handlers, POLICY_EXISTS).setup?.({ policyId: 'example' });
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toContain('ECONNREFUSED');
  });
});
