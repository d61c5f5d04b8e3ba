import { setupServer } from 'msw/node';
import '../../src/jest';
import { faultScheduleFromList } from '../../src/faults/faultScheduleFromList';
import { createUserStatusHandlers } from '../../src/msw/createUserStatusHandlers';
import type { FaultEvent } from '../../src/provider/FaultEvent';
import { makeConsumer } from '../helpers/faultConsumers';
import { FAULT_CASES, outcomeOf, wallClockContext } from '../helpers/faultCases';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';

const GRAPH = 'https://graph.microsoft.com';
const TOKEN = 'msw-fault-token';
const POLICY_ID = 'p-faults';
const COLLECTION = `${GRAPH}/v1.0/deviceManagement/deviceCompliancePolicies/${POLICY_ID}/userStatuses`;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function graphWith(
  faults: Parameters<typeof faultScheduleFromList>[0],
  onFault?: (event: FaultEvent) => void,
) {
  const graph = createUserStatusHandlers({
    tokens: [TOKEN],
    policyIds: [POLICY_ID],
    selfCheck: true,
    faults: faultScheduleFromList(faults),
    ...(onFault === undefined ? {} : { onFault }),
  });
  server.use(...graph.handlers);
  return graph;
}

const post = (): Promise<Response> =>
  fetch(COLLECTION, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(SAMPLE_CREATE_REQUEST),
  });

describe('createUserStatusHandlers({ faults })', () => {
  it('answers 429, 503 and 504 with Graph envelope, a reset as a network error, and latency with delay', async () => {
    const events: FaultEvent[] = [];
    const graph = graphWith(
      [
        { at: 1, kind: '429', retryAfter: 2.128 },
        { at: 2, kind: '503', retryAfter: 1 },
        { at: 3, kind: '504' },
        { at: 4, kind: 'reset-before-store' },
        { at: 5, kind: 'reset-after-store' },
        { at: 6, kind: 'latency', ms: 20 },
      ],
      (event) => events.push(event),
    );
    const throttled = await post();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2.128');
    await expect(throttled).toBeGraphError(429);
    const unavailable = await post();
    expect(unavailable.headers.get('retry-after')).toBe('1');
    await expect(unavailable).toBeGraphError(503);
    await expect(await post()).toBeGraphError(504);
    await expect(post()).rejects.toThrow(TypeError);
    expect(graph.store.size).toBe(0);
    await expect(post()).rejects.toThrow(TypeError);
    expect(graph.store.size).toBe(1);
    expect((await post()).status).toBe(201);
    expect(graph.store.size).toBe(2);
    expect(events.map((event) => event.fault.kind)).toEqual([
      '429',
      '503',
      '504',
      'reset-before-store',
      'reset-after-store',
      'latency',
    ]);
    expect(graph.record.requests.map((request) => request.status)).toEqual([
      429, 503, 504, 0, 0, 201,
    ]);
    graph.reset();
    expect(graph.record.requests).toEqual([]);
    expect((await post()).status).toBe(429);
  });

  it('injects and records nothing without faults', async () => {
    const graph = createUserStatusHandlers({ tokens: [TOKEN], policyIds: [POLICY_ID] });
    server.use(...graph.handlers);
    expect((await post()).status).toBe(201);
    expect(graph.record.requests).toEqual([]);
  });
});

describe.each(FAULT_CASES)('MSW handlers with $kind faults', ({ faults, flaws, rule }) => {
  async function runConsumer(withFlaws: typeof flaws) {
    const graph = graphWith(faults);
    const context = wallClockContext(GRAPH, TOKEN, POLICY_ID);
    const { ids, outcome } = await outcomeOf(makeConsumer(withFlaws)(context));
    // A request the consumer stopped waiting for (latency) still finishes: wait for it.
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { graph, options: { reportedCreates: ids, outcome } };
  }

  it(`catches the flawed consumer (${rule})`, async () => {
    const { graph, options } = await runConsumer(flaws);
    expect(graph).not.toBeResilientClient(options);
    expect(() => expect(graph).toBeResilientClient(options)).toThrow(`- ${rule}: `);
  });

  it('passes the correct consumer', async () => {
    const { graph, options } = await runConsumer({});
    expect(graph).toBeResilientClient(options);
  });
});
