import type { FaultScheduleSource } from './FaultSchedule';

/**
 * The call that builds a schedule again, ready to paste:
 * `faultScheduleFromList([...])`, `faultScheduleFromSpec('429:0.2', 7)` or `noFaults`.
 */
export function scheduleExpression(source: FaultScheduleSource): string {
  if (source.kind === 'list') return `faultScheduleFromList(${JSON.stringify(source.faults)})`;
  if (source.kind === 'seeded') {
    return `faultScheduleFromSpec(${JSON.stringify(source.spec)}, ${source.seed})`;
  }
  return 'noFaults';
}
