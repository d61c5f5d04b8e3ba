import { FaultSpecError } from '../errors';
import type { Fault } from './Fault';
import type { FaultSchedule } from './FaultSchedule';
import { parseFaultSpec } from './parseFaultSpec';
import { unitInterval } from './unitInterval';

/**
 * A schedule drawn from rates with a seed: request `n` gets a fault when a number drawn from
 * `(seed, n)` alone falls in that fault's share, so the same seed and spec give the same faults
 * at the same ordinals on every run, whatever the timing or concurrency.
 * @param spec - e.g. `429:0.2:retry-after=1.5,503:0.05,reset-after-store:0.02` (see `FAULT_SPEC_SYNTAX`).
 * @param seed - Any safe integer.
 * @throws FaultSpecError when the spec is malformed or the seed is not a safe integer.
 * @example
 * const schedule = faultScheduleFromSpec('429:0.2,503:0.05', 7);
 * schedule.decide(3); // undefined, or e.g. { kind: '429', retryAfter: 1 }
 */
export function faultScheduleFromSpec(spec: string, seed: number): FaultSchedule {
  const rates = parseFaultSpec(spec);
  if (!Number.isSafeInteger(seed)) {
    throw new FaultSpecError(spec, String(seed), `the seed must be a safe integer, not ${seed}`);
  }
  const bounds: number[] = [];
  let total = 0;
  for (const { rate } of rates) bounds.push((total += rate));
  const faults: Fault[] = rates.map(({ fault }) => fault);
  const text = `${spec} (seed ${seed})`;
  return {
    decide(ordinal) {
      const draw = unitInterval(seed, ordinal);
      for (let index = 0; index < bounds.length; index += 1) {
        if (draw < (bounds[index] as number)) return faults[index];
      }
      return undefined;
    },
    source: { kind: 'seeded', spec, seed, rates },
    toString: () => text,
  };
}
