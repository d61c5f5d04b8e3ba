import { userStatusesPath } from '../contracts/userStatusesPath';
import type { FaultSchedule } from '../faults/FaultSchedule';
import type { ClientFinding } from '../faults/ClientFinding';
import {
  judgeClientBehaviour,
  type ClientBehaviourOptions,
  type ConsumerOutcome,
} from '../faults/judgeClientBehaviour';
import type { ClientRecord } from '../faults/RecordedRequest';
import {
  createFetchProviderOnClock,
  type FetchProviderOptions,
} from '../provider/createFetchProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../provider/defaults';
import { createVirtualClock } from './createVirtualClock';
import type { ResilienceConsumer, ResilienceContext } from './ResilienceConsumer';

/** Options of `runWithFaults`: the oracles' and the provider's. */
export interface RunWithFaultsOptions extends Omit<
  ClientBehaviourOptions,
  'reportedCreates' | 'outcome'
> {
  /**
   * The reference provider's options (faults excepted: the schedule gives them).
   * @defaultValue `{}` (the default token and policy)
   */
  readonly provider?: Omit<FetchProviderOptions, 'faults' | 'record' | 'onFault'>;
  /**
   * The most requests one run may send: past it `fetch` rejects, so a consumer that retries
   * without end stops.
   * @defaultValue `1000`
   */
  readonly maxRequests?: number;
  /**
   * Virtual time one run may last, in milliseconds: a sleep past it rejects.
   * @defaultValue `86400000` (a day)
   */
  readonly maxVirtualMs?: number;
}

/** What one run under a schedule showed. */
export interface FaultRun {
  /** The schedule followed. */
  readonly schedule: FaultSchedule;
  /** Every request, with virtual times. */
  readonly record: ClientRecord;
  /** Whether the consumer returned or threw (and what). */
  readonly outcome: ConsumerOutcome;
  /** The ids the consumer returned as created (`[]` when it returned none or threw). */
  readonly reportedCreates: readonly string[];
  /** The rules it broke; empty when it was resilient under this schedule. */
  readonly findings: readonly ClientFinding[];
}

const GRAPH_ORIGIN = 'https://graph.microsoft.com';

/**
 * Runs the consumer once against an in-process reference provider that follows the schedule,
 * with virtual time, then judges its record with `judgeClientBehaviour` (the reported creates
 * and the outcome included). The same schedule gives the same run: use it to replay a schedule
 * `assertResilient` reported.
 * @example
 * const run = await runWithFaults(myConsumer, faultScheduleFromList([{ at: 1, kind: '429', retryAfter: 120 }]));
 * run.findings; // [] when it waited 120 virtual seconds and retried
 */
export async function runWithFaults(
  consumer: ResilienceConsumer,
  schedule: FaultSchedule,
  options: RunWithFaultsOptions = {},
): Promise<FaultRun> {
  const providerOptions = options.provider ?? {};
  const clock = createVirtualClock(options.maxVirtualMs ?? 86_400_000);
  const provider = createFetchProviderOnClock(
    { ...providerOptions, faults: schedule, record: true },
    { now: clock.now, sleep: clock.sleepWhileHeld },
  );
  const maxRequests = options.maxRequests ?? 1000;
  let sent = 0;
  const policyId = providerOptions.policyIds?.[0] ?? DEFAULT_POLICY_ID;
  const context: ResilienceContext = {
    fetch(input, init) {
      sent += 1;
      if (sent > maxRequests) {
        return Promise.reject(
          new Error(`the consumer sent more than ${maxRequests} requests in one run; stopped`),
        );
      }
      const request =
        typeof input === 'string' && input.startsWith('/')
          ? new Request(`${GRAPH_ORIGIN}${input}`, init)
          : new Request(input, init);
      return clock.hold(() => provider.handle(request));
    },
    sleep: clock.sleep,
    now: clock.now,
    baseUrl: GRAPH_ORIGIN,
    token: providerOptions.tokens?.[0] ?? DEFAULT_TOKEN,
    policyId,
    collectionUrl: `${GRAPH_ORIGIN}/v1.0${userStatusesPath(policyId)}`,
  };
  let outcome: ConsumerOutcome;
  let reportedCreates: readonly string[] = [];
  try {
    const returned = await consumer(context);
    if (Array.isArray(returned)) reportedCreates = returned as readonly string[];
    outcome = { ok: true };
  } catch (error) {
    outcome = { ok: false, error };
  }
  // Requests the consumer stopped waiting for still finish (and may store) before judging.
  await clock.drain();
  const { provider: _provider, maxRequests: _max, maxVirtualMs: _virtual, ...judging } = options;
  const findings = judgeClientBehaviour(provider.record, {
    toleranceMs: 0,
    ...judging,
    reportedCreates,
    outcome,
  });
  return {
    schedule,
    record: { requests: [...provider.record.requests] },
    outcome,
    reportedCreates,
    findings,
  };
}
