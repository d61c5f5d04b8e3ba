import type { ClientRule } from '../../src/faults/ClientFinding';
import type { FaultKind, ScheduledFault } from '../../src/faults/Fault';
import type { ResilienceContext } from '../../src/resilience/ResilienceConsumer';
import type { ConsumerFlaws } from './faultConsumers';

/** One fault kind, a schedule of it, a flawed consumer, and the rule that must catch it. */
export interface FaultCase {
  readonly kind: FaultKind;
  readonly faults: readonly ScheduledFault[];
  readonly flaws: ConsumerFlaws;
  readonly rule: ClientRule;
}

/** Short real-time waits: these cases run against servers and MSW on the wall clock. */
export const FAULT_CASES: readonly FaultCase[] = [
  {
    kind: '429',
    faults: [{ at: 1, kind: '429', retryAfter: 0.1 }],
    flaws: { ignoreRetryAfter: true },
    rule: 'retry-after-honoured',
  },
  {
    kind: '503',
    faults: [1, 2, 3, 4, 5, 6, 7].map((at) => ({ at, kind: '503', retryAfter: 0.01 })),
    flaws: { maxRetries: 50 },
    rule: 'retries-bounded',
  },
  {
    kind: '504',
    faults: [1, 2, 3, 4].map((at) => ({ at, kind: '504' })),
    flaws: { giveUp: 'quiet' },
    rule: 'clear-give-up',
  },
  {
    kind: 'reset-before-store',
    faults: [{ at: 1, kind: 'reset-before-store' }],
    flaws: { afterReset: 'assume' },
    rule: 'reported-creates-exist',
  },
  {
    kind: 'reset-after-store',
    faults: [{ at: 1, kind: 'reset-after-store' }],
    flaws: { afterReset: 'resend' },
    rule: 'no-duplicate-create',
  },
  {
    kind: 'latency',
    faults: [{ at: 1, kind: 'latency', ms: 300 }],
    flaws: { timeoutMs: 50, afterReset: 'resend' },
    rule: 'no-duplicate-create',
  },
];

/** A consumer context on the wall clock, for a provider or MSW reached with the global fetch. */
export function wallClockContext(
  baseUrl: string,
  token: string,
  policyId: string,
): ResilienceContext {
  return {
    fetch: (input, init) => fetch(input, init),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => performance.now(),
    baseUrl,
    token,
    policyId,
    collectionUrl: `${baseUrl}/v1.0/deviceManagement/deviceCompliancePolicies/${encodeURIComponent(policyId)}/userStatuses`,
  };
}

/** Runs a consumer and says how it ended, as the oracles take it. */
export async function outcomeOf(
  run: Promise<readonly string[]>,
): Promise<{ ids: readonly string[]; outcome: { ok: true } | { ok: false; error: unknown } }> {
  try {
    return { ids: await run, outcome: { ok: true } };
  } catch (error) {
    return { ids: [], outcome: { ok: false, error } };
  }
}
