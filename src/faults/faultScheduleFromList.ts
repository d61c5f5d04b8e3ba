import * as fc from 'fast-check';
import { FaultSpecError } from '../errors';
import { FAULT_KINDS, type Fault, type ScheduledFault } from './Fault';
import type { FaultSchedule } from './FaultSchedule';
import { formatFault } from './formatFault';
import { MAX_LATENCY_MS, MAX_RETRY_AFTER_SECONDS } from './parseFaultSpec';
import { scheduleExpression } from './scheduleExpression';

/**
 * A schedule that injects exactly the listed faults, each at its request ordinal (from 1);
 * every other request is answered normally.
 * @throws FaultSpecError when an entry is malformed or two share an ordinal.
 * @example
 * // The 3rd request gets a 429 with Retry-After: 1.5; the 5th loses its answer after the store.
 * faultScheduleFromList([{ at: 3, kind: '429', retryAfter: 1.5 }, { at: 5, kind: 'reset-after-store' }]);
 */
export function faultScheduleFromList(list: readonly ScheduledFault[]): FaultSchedule {
  const byOrdinal = new Map<number, Fault>();
  const faults: ScheduledFault[] = [];
  for (const entry of list) {
    const fault = checkEntry(entry, list);
    if (byOrdinal.has(entry.at))
      fail(list, entry, `two faults are scheduled at request ${entry.at}`);
    byOrdinal.set(entry.at, fault);
    faults.push({ at: entry.at, ...fault });
  }
  faults.sort((left, right) => left.at - right.at);
  const text = `[${faults.map((fault) => `#${fault.at} ${formatFault(fault)}`).join(', ')}]`;
  const source = { kind: 'list', faults } as const;
  return {
    decide: (ordinal) => byOrdinal.get(ordinal),
    source,
    toString: () => text,
    // How fast-check prints a counterexample: the list, ready to paste into this function.
    [fc.toStringMethod]: () => scheduleExpression(source),
  } as FaultSchedule;
}

/** The entry's fault, without `at` and unknown keys, or a `FaultSpecError` naming what is wrong. */
function checkEntry(entry: ScheduledFault, list: readonly ScheduledFault[]): Fault {
  if (typeof entry !== 'object' || entry === null) fail(list, entry, 'an entry must be an object');
  if (!Number.isSafeInteger(entry.at) || entry.at < 1) {
    fail(list, entry, `at must be a request ordinal (an integer from 1), not ${String(entry.at)}`);
  }
  if (!FAULT_KINDS.includes(entry.kind)) {
    fail(
      list,
      entry,
      `kind must be one of ${FAULT_KINDS.join(', ')}, not ${JSON.stringify(entry.kind)}`,
    );
  }
  switch (entry.kind) {
    case 'latency':
      if (!Number.isSafeInteger(entry.ms) || entry.ms < 0 || entry.ms > MAX_LATENCY_MS) {
        fail(
          list,
          entry,
          `ms must be an integer from 0 to ${MAX_LATENCY_MS}, not ${String(entry.ms)}`,
        );
      }
      return { kind: entry.kind, ms: entry.ms };
    case '429':
    case '503':
    case '504': {
      const { retryAfter } = entry;
      if (retryAfter === undefined) return { kind: entry.kind };
      if (!(retryAfter >= 0 && retryAfter <= MAX_RETRY_AFTER_SECONDS)) {
        fail(
          list,
          entry,
          `retryAfter must be seconds from 0 to ${MAX_RETRY_AFTER_SECONDS}, not ${String(retryAfter)}`,
        );
      }
      return { kind: entry.kind, retryAfter };
    }
    default:
      return { kind: entry.kind };
  }
}

function fail(list: readonly ScheduledFault[], entry: unknown, reason: string): never {
  throw new FaultSpecError(safeJson(list), safeJson(entry), `${reason} (in ${safeJson(entry)})`);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
