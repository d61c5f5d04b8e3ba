import { UsageError } from '../errors';
import type { ClientFinding } from './ClientFinding';
import { formatRequestSequence } from './formatRequestSequence';
import type { ClientRecord, RecordedRequest } from './RecordedRequest';
import { isRetryableFailure, retryChains } from './retryChains';

/** What the consumer surfaced at the end: success, or the error it threw or reported. */
export type ConsumerOutcome =
  { readonly ok: true } | { readonly ok: false; readonly error: unknown };

/** Options of `judgeClientBehaviour` (and of the `toBeResilientClient` matcher). */
export interface ClientBehaviourOptions {
  /**
   * The most retries allowed for one operation (the same method, path and body after a failure).
   * @defaultValue `5`
   */
  readonly maxRetries?: number;
  /**
   * The fewest retries of an operation before giving up on a failure it could retry (a 429, a 5xx,
   * a reset that stored nothing).
   * @defaultValue `1`
   */
  readonly minRetries?: number;
  /**
   * The ids of the statuses the consumer believes it created: each must have been stored.
   * @defaultValue `undefined` (not checked)
   */
  readonly reportedCreates?: readonly string[];
  /**
   * What the consumer surfaced: when it gave up on an operation, it must be an error with a
   * message.
   * @defaultValue `undefined` (not checked)
   */
  readonly outcome?: ConsumerOutcome;
  /**
   * Slack for timers, in milliseconds: a retry this much earlier than `Retry-After` still passes.
   * @defaultValue `1` (`0` under `assertResilient`'s virtual clock)
   */
  readonly toleranceMs?: number;
}

/** Retries of one operation allowed by default. */
export const DEFAULT_MAX_RETRIES = 5;

/**
 * Judges what a client did against a provider (or MSW handlers) with faults, from their record:
 * Retry-After honoured, retries bounded, no create stored twice after an ambiguous failure,
 * reported creates stored, and a clear error when it gave up. Returns one finding per broken
 * rule and occasion, each naming the request sequence with its timings; none means resilient.
 * @throws UsageError when an option is out of range.
 * @example
 * const findings = judgeClientBehaviour(provider.record, { maxRetries: 3, reportedCreates: ids });
 * expect(findings).toEqual([]);
 */
export function judgeClientBehaviour(
  record: ClientRecord,
  options: ClientBehaviourOptions = {},
): ClientFinding[] {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const minRetries = options.minRetries ?? 1;
  const toleranceMs = options.toleranceMs ?? 1;
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) {
    throw new UsageError(`maxRetries must be a non-negative integer, not ${String(maxRetries)}`);
  }
  if (!Number.isSafeInteger(minRetries) || minRetries < 0 || minRetries > maxRetries) {
    throw new UsageError(
      `minRetries must be an integer from 0 to maxRetries (${maxRetries}), not ${String(minRetries)}`,
    );
  }
  if (!(toleranceMs >= 0)) {
    throw new UsageError(`toleranceMs must be a non-negative number, not ${String(toleranceMs)}`);
  }
  const requests = record.requests;
  const origin = requests[0]?.at ?? 0;
  const finding = (
    rule: ClientFinding['rule'],
    summary: string,
    shown: readonly RecordedRequest[],
  ): ClientFinding => ({
    rule,
    message: `${summary}\n${formatRequestSequence(shown, origin)}`,
    requests: shown,
  });
  const findings: ClientFinding[] = [];
  const chains = retryChains(requests);

  for (const chain of chains) {
    for (let at = 1; at < chain.length; at += 1) {
      const failed = chain[at - 1] as RecordedRequest;
      const retry = chain[at] as RecordedRequest;
      if (failed.retryAfter === undefined) continue;
      const waited = retry.at - failed.answeredAt;
      const asked = failed.retryAfter * 1000;
      if (waited + toleranceMs < asked) {
        findings.push(
          finding(
            'retry-after-honoured',
            `retried ${format(waited)} ms after a ${failed.status} that asked Retry-After ${failed.retryAfter} (${format(asked)} ms):`,
            [failed, retry],
          ),
        );
      }
    }
    if (chain.length - 1 > maxRetries) {
      findings.push(
        finding(
          'retries-bounded',
          `retried one operation ${chain.length - 1} times, more than the ${maxRetries} allowed:`,
          chain,
        ),
      );
    }
  }

  findings.push(...duplicateCreates(requests, finding));

  if (options.reportedCreates !== undefined) {
    const stored = new Set(requests.map((request) => request.storedId));
    for (const id of options.reportedCreates) {
      if (!stored.has(id)) {
        findings.push(
          finding(
            'reported-creates-exist',
            `reported ${JSON.stringify(id)} as created, but no request stored it; the creates it sent:`,
            requests.filter((request) => request.method === 'POST'),
          ),
        );
      }
    }
  }

  findings.push(...giveUps(chains, minRetries, options.outcome, finding));
  return findings;
}

type MakeFinding = (
  rule: ClientFinding['rule'],
  summary: string,
  shown: readonly RecordedRequest[],
) => ClientFinding;

/**
 * Operations given up on (the last attempt failed retryably and stored nothing): too early, or
 * without a clear error.
 */
function giveUps(
  chains: readonly (readonly RecordedRequest[])[],
  minRetries: number,
  outcome: ConsumerOutcome | undefined,
  finding: MakeFinding,
): ClientFinding[] {
  const findings: ClientFinding[] = [];
  const abandoned = chains.filter((chain) => {
    const last = chain[chain.length - 1] as RecordedRequest;
    return isRetryableFailure(last) && last.storedId === undefined;
  });
  for (const chain of abandoned) {
    if (chain.length - 1 < minRetries) {
      const last = chain[chain.length - 1] as RecordedRequest;
      findings.push(
        finding(
          'clear-give-up',
          `gave up after ${chain.length - 1} retries on ${last.status === 0 ? 'a reset' : `a ${last.status}`}, which it could retry (at least ${minRetries} expected):`,
          chain,
        ),
      );
    }
  }
  const first = abandoned[0];
  if (outcome === undefined || first === undefined) return findings;
  if (outcome.ok) {
    findings.push(
      finding(
        'clear-give-up',
        `gave up on ${abandoned.length} operation(s) after a failure, yet surfaced no error:`,
        first,
      ),
    );
  } else {
    const unclear = unclearError(outcome.error);
    if (unclear !== undefined) {
      findings.push(
        finding(
          'clear-give-up',
          `gave up after a failure with an unclear error (${unclear}):`,
          first,
        ),
      );
    }
  }
  return findings;
}

/**
 * Creates of one body stored again after an ambiguous failure: the earlier create was stored,
 * but its answer was lost (a reset) or had not arrived when the client sent the body again (a
 * client-side timeout).
 */
function duplicateCreates(
  requests: readonly RecordedRequest[],
  finding: MakeFinding,
): ClientFinding[] {
  const findings: ClientFinding[] = [];
  const storedByBody = new Map<string, RecordedRequest[]>();
  for (const request of requests) {
    if (request.method !== 'POST' || request.storedId === undefined) continue;
    const key = `${request.path} ${request.bodyDigest ?? ''}`;
    const earlier = storedByBody.get(key) ?? [];
    const ambiguous = earlier.find(
      (stored) => stored.status === 0 || stored.answeredAt > request.at,
    );
    if (ambiguous !== undefined) {
      const why =
        ambiguous.status === 0
          ? 'its answer was lost'
          : 'the client sent the body again before its answer came';
      findings.push(
        finding(
          'no-duplicate-create',
          `created the same status twice (${ambiguous.storedId ?? ''} and ${request.storedId}): the first create was stored, but ${why}:`,
          requests.filter(
            (other) =>
              other.at >= ambiguous.at &&
              other.at <= request.at &&
              other.path === request.path &&
              other.bodyDigest === request.bodyDigest,
          ),
        ),
      );
    }
    earlier.push(request);
    storedByBody.set(key, earlier);
  }
  return findings;
}

/** Why a surfaced error is not clear, or `undefined` when it is an error with a message. */
function unclearError(error: unknown): string | undefined {
  if (error === undefined || error === null) return `it surfaced ${String(error)}`;
  const message = (error as { message?: unknown }).message;
  if (typeof error !== 'object' || typeof message !== 'string') {
    return `it surfaced ${typeof error === 'string' ? JSON.stringify(error) : String(error)}, not an Error`;
  }
  if (message.trim() === '') return 'its message is empty';
  return undefined;
}

function format(ms: number): string {
  return ms.toFixed(1);
}
