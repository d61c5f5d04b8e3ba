import { formatClientFindings } from '../faults/formatClientFindings';
import { judgeClientBehaviour, type ClientBehaviourOptions } from '../faults/judgeClientBehaviour';
import type { ClientRecord } from '../faults/RecordedRequest';
import { hintFor } from './hintFor';
import { matcherUsageError } from './matcherUsageError';
import type { UserStatusMatcherContext, UserStatusMatcherResult } from './UserStatusMatcherContext';

const MATCHER = 'toBeResilientClient';

/**
 * Passes when the client whose requests are recorded broke none of `judgeClientBehaviour`'s
 * rules: Retry-After honoured, retries bounded, no create stored twice, reported creates stored,
 * a clear error when it gave up. Takes a record, or what holds one (a provider, the MSW handlers).
 * A failure lists each broken rule with the request sequence and its timings.
 * @example
 * expect(provider.record).toBeResilientClient({ maxRetries: 3, reportedCreates: ids });
 * expect(graph).toBeResilientClient(); // the MSW handlers
 */
export function toBeResilientClient(
  this: UserStatusMatcherContext,
  received: unknown,
  options: ClientBehaviourOptions = {},
): UserStatusMatcherResult {
  const hint = hintFor(this, MATCHER, 'options');
  const record = readRecord(received);
  if (record === undefined) {
    throw matcherUsageError(
      hint,
      'the received value must be a client record (`provider.record`, `handlers.record`) or hold one in `record`',
    );
  }
  let findings;
  try {
    findings = judgeClientBehaviour(record, options);
  } catch (error) {
    throw matcherUsageError(hint, error instanceof Error ? error.message : String(error));
  }
  const count = record.requests.length;
  if (findings.length === 0) {
    return {
      pass: true,
      message: () =>
        `${hint}\n\nExpected the client to break a rule of resilience, but its ${count} request(s) broke none.`,
    };
  }
  return {
    pass: false,
    message: () =>
      `${hint}\n\nExpected a resilient client, but over ${count} request(s) it broke ${findings.length} rule(s) ` +
      `(times in ms from the first request):\n` +
      formatClientFindings(findings, '  '),
  };
}

function readRecord(received: unknown): ClientRecord | undefined {
  if (typeof received !== 'object' || received === null) return undefined;
  if (Array.isArray((received as { requests?: unknown }).requests)) return received as ClientRecord;
  const inner = (received as { record?: unknown }).record;
  if (
    typeof inner === 'object' &&
    inner !== null &&
    Array.isArray((inner as { requests?: unknown }).requests)
  ) {
    return inner as ClientRecord;
  }
  return undefined;
}
