import type { Fault, ScheduledFault } from './Fault';
import type { FaultRate } from './parseFaultSpec';

/** Where a schedule comes from: nothing, a spec and a seed, or an explicit list. */
export type FaultScheduleSource =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'seeded';
      readonly spec: string;
      readonly seed: number;
      readonly rates: readonly FaultRate[];
    }
  | { readonly kind: 'list'; readonly faults: readonly ScheduledFault[] };

/**
 * Decides, for each request the schedule applies to (every request to the userStatuses collection
 * and item routes, any method, numbered from 1 in arrival order), whether and how Graph
 * misbehaves. `decide` is a pure function of the ordinal, so a schedule replays exactly whatever
 * the timing.
 */
export interface FaultSchedule {
  /** The fault for the request with this ordinal (from 1), or `undefined` to answer normally. */
  decide(ordinal: number): Fault | undefined;
  /** How the schedule was built, to print it or build it again. */
  readonly source: FaultScheduleSource;
  /** One line: `none`, `429:0.2,503:0.05 (seed 7)` or `[#3 429 retry-after=1.5]`. */
  toString(): string;
}
