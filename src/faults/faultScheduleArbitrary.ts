import * as fc from 'fast-check';
import { UsageError } from '../errors';
import { FAULT_KINDS, type Fault, type FaultKind, type ScheduledFault } from './Fault';
import type { FaultSchedule } from './FaultSchedule';
import { faultScheduleFromList } from './faultScheduleFromList';

/** Options of `faultScheduleArbitrary`. */
export interface FaultScheduleArbitraryOptions {
  /**
   * The fault kinds drawn from.
   * @defaultValue every kind in `FAULT_KINDS`
   */
  readonly kinds?: readonly FaultKind[];
  /**
   * The most faults in one schedule.
   * @defaultValue `5`
   */
  readonly maxFaults?: number;
  /**
   * Faults fall on requests 1 to this ordinal.
   * @defaultValue `10`
   */
  readonly maxOrdinal?: number;
  /**
   * The largest `Retry-After`, in seconds; values have up to 3 decimals (e.g. `2.128`).
   * @defaultValue `120`
   */
  readonly maxRetryAfter?: number;
  /**
   * The largest added latency, in milliseconds.
   * @defaultValue `1000`
   */
  readonly maxLatencyMs?: number;
}

/**
 * Fault schedules as a fast-check arbitrary: explicit lists of faults at request ordinals. A
 * failing schedule shrinks toward fewer faults, earlier ordinals, milder kinds (latency, then 429,
 * 503, 504, reset-before-store, reset-after-store), shorter `Retry-After` and latency: the
 * shortest schedule that still breaks the consumer. fast-check prints it as a
 * `faultScheduleFromList([...])` call.
 * @throws UsageError when an option is out of range.
 * @example
 * fc.assert(fc.asyncProperty(faultScheduleArbitrary({ kinds: ['429', '503'] }), async (schedule) => ...));
 */
export function faultScheduleArbitrary(
  options: FaultScheduleArbitraryOptions = {},
): fc.Arbitrary<FaultSchedule> {
  const kinds = options.kinds ?? FAULT_KINDS;
  const maxFaults = count(options.maxFaults ?? 5, 'maxFaults', 0);
  const maxOrdinal = count(options.maxOrdinal ?? 10, 'maxOrdinal', 1);
  const maxRetryAfterMs = count(
    Math.round((options.maxRetryAfter ?? 120) * 1000),
    'maxRetryAfter',
    0,
  );
  const maxLatencyMs = count(options.maxLatencyMs ?? 1000, 'maxLatencyMs', 0);
  const unknown = kinds.filter((kind) => !FAULT_KINDS.includes(kind));
  if (kinds.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `kinds must list some of ${FAULT_KINDS.join(', ')}, not ${JSON.stringify(kinds)}`,
    );
  }
  const retryAfter = fc.integer({ min: 0, max: maxRetryAfterMs }).map((ms) => ms / 1000);
  const byKind: Record<FaultKind, fc.Arbitrary<Fault>> = {
    latency: fc.integer({ min: 0, max: maxLatencyMs }).map((ms) => ({ kind: 'latency', ms })),
    '429': retryAfter.map((seconds) => ({ kind: '429', retryAfter: seconds })),
    '503': optionalRetryAfter('503', retryAfter),
    '504': optionalRetryAfter('504', retryAfter),
    'reset-before-store': fc.constant({ kind: 'reset-before-store' }),
    'reset-after-store': fc.constant({ kind: 'reset-after-store' }),
  };
  // In FAULT_KINDS' order, mildest first: oneof shrinks toward its first arbitrary.
  const fault = fc.oneof(
    { withCrossShrink: true },
    ...FAULT_KINDS.filter((kind) => kinds.includes(kind)).map((kind) => byKind[kind]),
  );
  const entry = fc
    .tuple(fc.integer({ min: 1, max: maxOrdinal }), fault)
    .map(([at, chosen]): ScheduledFault => ({ at, ...chosen }));
  return fc
    .uniqueArray(entry, { maxLength: maxFaults, selector: (scheduled) => scheduled.at })
    .map((list) => faultScheduleFromList(list));
}

function optionalRetryAfter(
  kind: '503' | '504',
  retryAfter: fc.Arbitrary<number>,
): fc.Arbitrary<Fault> {
  return fc
    .option(retryAfter, { nil: undefined })
    .map((seconds) => (seconds === undefined ? { kind } : { kind, retryAfter: seconds }));
}

function count(value: number, name: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${name} must be an integer of at least ${min}, not ${String(value)}`);
  }
  return value;
}
