// A consumer's unit test: the team's reporter runs unchanged against Graph mocked with MSW (the
// reference provider's rules), with test data from the factories and the contract checked by the
// Jest matchers. No server, no port, no tenant.
import { setupServer } from 'msw/node';
import 'user-status-contracts/jest';
import { userStatusFactory } from 'user-status-contracts';
import { createUserStatusHandlers } from 'user-status-contracts/msw';
import {
  GraphCallError,
  reportCompliance,
  type UserComplianceSnapshot,
} from './complianceReporter';

const POLICY_ID = 'c0ffee00-0000-4000-8000-000000000001';
const graph = createUserStatusHandlers({ tokens: ['unit-test-token'], policyIds: [POLICY_ID] });
const server = setupServer(...graph.handlers);
const sent: Request[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  sent.length = 0;
  server.events.on('request:start', ({ request }) => void sent.push(request.clone()));
});
afterEach(() => {
  server.events.removeAllListeners();
  graph.reset();
});
afterAll(() => server.close());

const reporter = { getToken: () => Promise.resolve('unit-test-token') };

/** A snapshot of the team's own shape, seeded from a realistic Graph user status. */
function snapshotLike(seed: number, devices: UserComplianceSnapshot['devices']) {
  const user = userStatusFactory.seed(seed).build();
  return { displayName: user.userDisplayName, principalName: user.userPrincipalName, devices };
}

describe('reportCompliance', () => {
  it('sends a body that is a valid create and stores what Graph returns', async () => {
    const lastSeen = new Date('2026-11-20T08:30:00Z');
    const snapshot = snapshotLike(1, [
      { compliant: true, lastSeen },
      { compliant: false, lastSeen: new Date('2026-11-19T08:30:00Z') },
    ]);

    const id = await reportCompliance(reporter, POLICY_ID, snapshot);

    expect(sent).toHaveLength(1);
    await expect(sent[0]).toBeValidCreateUserStatusRequest();
    const stored = graph.store.get(POLICY_ID, id);
    expect(stored).toMatchUserStatusContract();
    expect(stored).toMatchObject({
      status: 'nonCompliant',
      devicesCount: 2,
      lastReportedDateTime: lastSeen.toISOString(),
    });
  });

  it('reports a user without devices as notApplicable, and null names are fine', async () => {
    const id = await reportCompliance(reporter, POLICY_ID, {
      displayName: null,
      principalName: null,
      devices: [],
    });
    expect(graph.store.get(POLICY_ID, id)).toMatchObject({
      status: 'notApplicable',
      devicesCount: 0,
      userDisplayName: null,
    });
  });

  it("surfaces Graph's error code when the policy does not exist", async () => {
    const failure = reportCompliance(reporter, 'no-such-policy', snapshotLike(2, []));
    await expect(failure).rejects.toBeInstanceOf(GraphCallError);
    await expect(failure).rejects.toMatchObject({ status: 404, graphCode: 'ResourceNotFound' });
  });

  it('gets a Graph 401 with an expired token, and Graph stores nothing', async () => {
    const expired = { getToken: () => Promise.resolve('expired-token') };
    await expect(reportCompliance(expired, POLICY_ID, snapshotLike(3, []))).rejects.toMatchObject({
      status: 401,
    });
    const answer = await fetch(
      `https://graph.microsoft.com/v1.0/deviceManagement/deviceCompliancePolicies/${POLICY_ID}/userStatuses`,
      { headers: { authorization: 'Bearer expired-token' } },
    );
    await expect(answer).toBeGraphError(401);
    expect(graph.store.list(POLICY_ID)).toEqual([]);
  });
});
