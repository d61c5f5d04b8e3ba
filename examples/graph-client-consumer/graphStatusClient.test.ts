// What Microsoft's Graph client handles on its own (429, 503, 504 with Retry-After) and what it
// leaves to the application (a connection dropped after the create was stored), shown against
// the reference provider with faults (as `serve --faults` runs it) and against the MSW handlers.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { setupServer } from 'msw/node';
import {
  createUserStatusRequestFactory,
  faultScheduleFromList,
  judgeClientBehaviour,
  type ClientRecord,
  type ScheduledFault,
  type UserStatusStore,
} from 'user-status-contracts';
import 'user-status-contracts/jest';
import { createUserStatusHandlers } from 'user-status-contracts/msw';
import { createProvider, type Provider } from 'user-status-contracts/provider';
import { createGraphClient, createUserStatus, type OnNetworkError } from './graphStatusClient';

const TOKEN = 'unit-test-token';
const POLICY_ID = 'c0ffee00-0000-4000-8000-000000000003';
const getToken = () => Promise.resolve(TOKEN);
const body = createUserStatusRequestFactory.seed(3).build();

/** Short waits: the client waits Retry-After seconds on the wall clock. */
const THROTTLED: readonly ScheduledFault[] = [
  { at: 1, kind: '429', retryAfter: 0.05 },
  { at: 2, kind: '503', retryAfter: 0.02 },
  { at: 3, kind: '504', retryAfter: 0.02 },
];
const DROPPED_AFTER_STORE: readonly ScheduledFault[] = [{ at: 1, kind: 'reset-after-store' }];

/** A Graph stand-in with a fault schedule: its store and its record of what the client did. */
interface FaultyGraph {
  readonly store: UserStatusStore;
  readonly record: ClientRecord;
}

/** Runs `createUserStatus` once against a Graph stand-in: the outcome and what Graph holds. */
type Scenario = (
  faults: readonly ScheduledFault[],
  onNetworkError: OnNetworkError,
) => Promise<{ graph: FaultyGraph; ids: string[]; error: unknown }>;

let provider: Provider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

/** Against `createProvider` (what `serve --faults` runs) on an ephemeral loopback port. */
const againstProvider: Scenario = async (faults, onNetworkError) => {
  provider = createProvider({
    policyIds: [POLICY_ID],
    tokens: [TOKEN],
    faults: faultScheduleFromList(faults),
  });
  const { url } = await provider.listen({ host: '127.0.0.1', port: 0 });
  const client = createGraphClient({ getToken, baseUrl: url });
  const outcome = await createUserStatus(client, POLICY_ID, body, onNetworkError).then(
    (id) => ({ ids: [id], error: undefined }),
    (error: unknown) => ({ ids: [], error }),
  );
  await provider.close();
  return { graph: provider, ...outcome };
};

/** Against the MSW handlers: the client unchanged, on Graph's own URL. */
const againstMsw: Scenario = async (faults, onNetworkError) => {
  const graph = createUserStatusHandlers({
    policyIds: [POLICY_ID],
    tokens: [TOKEN],
    faults: faultScheduleFromList(faults),
  });
  const server = setupServer(...graph.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const client = createGraphClient({ getToken });
    const outcome = await createUserStatus(client, POLICY_ID, body, onNetworkError).then(
      (id) => ({ ids: [id], error: undefined }),
      (error: unknown) => ({ ids: [], error }),
    );
    return { graph, ...outcome };
  } finally {
    server.close();
  }
};

describe.each([
  ['the reference provider with faults', againstProvider],
  ['the MSW handlers with faults', againstMsw],
])("Microsoft's Graph client against %s", (_name, scenario) => {
  it('handles 429, 503 and 504: it waits each Retry-After and creates the status once', async () => {
    const { graph, ids, error } = await scenario(THROTTLED, 'throw');
    expect(error).toBeUndefined();
    expect(graph.store.size).toBe(1);
    expect(graph.record.requests.map((request) => [request.status, request.retryAttempt])).toEqual([
      [429, undefined],
      [503, '1'],
      [504, '2'],
      [201, '3'],
    ]);
    expect(graph.record).toBeResilientClient({ reportedCreates: ids, outcome: { ok: true } });
  });

  it('does not handle a connection dropped after the create was stored: a resend creates it twice', async () => {
    const { graph, ids, error } = await scenario(DROPPED_AFTER_STORE, 'resend');
    expect(error).toBeUndefined();
    expect(graph.store.size).toBe(2);
    const findings = judgeClientBehaviour(graph.record, {
      reportedCreates: ids,
      outcome: { ok: true },
    });
    expect(findings.map((finding) => finding.rule)).toEqual(['no-duplicate-create']);
  });

  it('does not handle it either without a resend: the create is stored, the application reports a failure', async () => {
    const { graph, ids, error } = await scenario(DROPPED_AFTER_STORE, 'throw');
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).statusCode).toBe(-1); // the client's code for "no answer"
    expect(ids).toEqual([]);
    // The record shows the unreported create: the only request was stored, and never answered.
    expect(
      graph.record.requests.map((request) => [request.status, request.storedId !== undefined]),
    ).toEqual([[0, true]]);
    expect(graph.store.size).toBe(1);
    // No oracle rule covers a create that was stored while the application reported a failure:
    // the error is clear and nothing was given up too early. The record above is what shows it.
    expect(judgeClientBehaviour(graph.record, { outcome: { ok: false, error } })).toEqual([]);
  });
});
