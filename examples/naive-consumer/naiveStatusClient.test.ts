// The oracles catch a consumer that does not retry: once with Graph mocked by MSW and a fault
// schedule written by hand, once with assertResilient generating schedules and shrinking the one
// that breaks it to a single fault.
import { setupServer } from 'msw/node';
import {
  assertResilient,
  createUserStatusRequestFactory,
  faultScheduleFromList,
  judgeClientBehaviour,
  ResilienceError,
} from 'user-status-contracts';
import 'user-status-contracts/jest';
import { createUserStatusHandlers } from 'user-status-contracts/msw';
import { createUserStatus } from './naiveStatusClient';

const TOKEN = 'unit-test-token';
const POLICY_ID = 'c0ffee00-0000-4000-8000-000000000002';
const api = {
  fetch: (input: string, init?: RequestInit) => fetch(input, init),
  collectionUrl: `https://graph.microsoft.com/v1.0/deviceManagement/deviceCompliancePolicies/${POLICY_ID}/userStatuses`,
  token: TOKEN,
};
const body = createUserStatusRequestFactory.seed(1).build();

describe('a consumer without retry, with Graph mocked by MSW', () => {
  // The first request is throttled for 50 ms; every later one is answered normally.
  const graph = createUserStatusHandlers({
    tokens: [TOKEN],
    policyIds: [POLICY_ID],
    faults: faultScheduleFromList([{ at: 1, kind: '429', retryAfter: 0.05 }]),
  });
  const server = setupServer(...graph.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => graph.reset());
  afterAll(() => server.close());

  it('gives up on the first 429, which the oracles report as clear-give-up', async () => {
    const error = await createUserStatus(api, body).catch((caught: unknown) => caught);
    expect(error).toEqual(new Error('creating a user status failed: 429'));

    const findings = judgeClientBehaviour(graph.record, { outcome: { ok: false, error } });
    expect(findings.map((finding) => finding.rule)).toEqual(['clear-give-up']);
    expect(findings[0]?.message).toContain('gave up after 0 retries on a 429');
    expect(graph).not.toBeResilientClient({ outcome: { ok: false, error } });
  });

  it('passes while Graph is healthy: only faults show the flaw', async () => {
    const healthy = createUserStatusHandlers({
      tokens: [TOKEN],
      policyIds: [POLICY_ID],
      record: true,
    });
    server.use(...healthy.handlers);
    const id = await createUserStatus(api, body);
    server.resetHandlers();
    expect(healthy.store.size).toBe(1);
    expect(healthy).toBeResilientClient({ reportedCreates: [id], outcome: { ok: true } });
  });
});

describe('a consumer without retry, under generated schedules', () => {
  it('fails, and the schedule that breaks it shrinks to a single fault', async () => {
    const failure = await assertResilient(
      async (context) => [await createUserStatus(context, body)],
      { seed: 42, numRuns: 50 },
    ).catch((caught: unknown) => caught);

    expect(failure).toBeInstanceOf(ResilienceError);
    const { schedule, findings } = failure as ResilienceError;
    expect(schedule.source.kind).toBe('list');
    const faults = schedule.source.kind === 'list' ? schedule.source.faults : [];
    expect(faults).toHaveLength(1);
    // With seed 42 it prints `[#1 504]`: the first request answered 504 is enough.
    expect(faults[0]).toMatchObject({ at: 1, kind: expect.stringMatching(/^(429|503|504)$/) });
    expect(findings.map((finding) => finding.rule)).toEqual(['clear-give-up']);
  });
});
