import type { FaultSchedule } from './FaultSchedule';

/** The schedule that never injects a fault: the default everywhere. */
export const noFaults: FaultSchedule = {
  decide: () => undefined,
  source: { kind: 'none' },
  toString: () => 'none',
};
