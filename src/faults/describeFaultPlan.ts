import type { FaultSchedule } from './FaultSchedule';
import { formatFault } from './formatFault';

/**
 * What a schedule does to the first `count` requests, one line each for the faulted ones and a
 * closing count of the rest: what `serve --faults` prints at start.
 * @example
 * describeFaultPlan(faultScheduleFromSpec('429:0.2', 7), 20);
 * // ['#4 429 retry-after=1', '#11 429 retry-after=1', '18 of the first 20 requests answered normally']
 */
export function describeFaultPlan(schedule: FaultSchedule, count: number): string[] {
  const lines: string[] = [];
  for (let ordinal = 1; ordinal <= count; ordinal += 1) {
    const fault = schedule.decide(ordinal);
    if (fault !== undefined) lines.push(`#${ordinal} ${formatFault(fault)}`);
  }
  lines.push(`${count - lines.length} of the first ${count} requests answered normally`);
  return lines;
}
