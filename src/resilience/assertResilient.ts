import * as fc from 'fast-check';
import { faultScheduleArbitrary } from '../faults/faultScheduleArbitrary';
import type { FaultSchedule } from '../faults/FaultSchedule';
import type { ResilienceConsumer } from './ResilienceConsumer';
import { ResilienceError } from './ResilienceError';
import { runWithFaults, type RunWithFaultsOptions } from './runWithFaults';

/** Options of `assertResilient`. */
export interface AssertResilientOptions extends RunWithFaultsOptions {
  /**
   * The schedules to try.
   * @defaultValue `faultScheduleArbitrary()` (up to 5 faults of any kind on requests 1 to 10)
   */
  readonly faults?: fc.Arbitrary<FaultSchedule>;
  /**
   * How many schedules to try.
   * @defaultValue `100`
   */
  readonly numRuns?: number;
  /**
   * fast-check's seed: the same seed tries the same schedules.
   * @defaultValue a random seed, printed on failure
   */
  readonly seed?: number;
  /** fast-check's path of a counterexample, with its `seed`, to replay it at once. */
  readonly path?: string;
}

/**
 * Runs the consumer's own function under many generated fault schedules (each in a fresh
 * in-process provider, with virtual time) and judges each run with the oracles of
 * `judgeClientBehaviour`. Resolves when every run passes; otherwise rejects with a
 * `ResilienceError` naming the shrunk schedule (the fewest, mildest faults that still break the
 * consumer), its findings, and the seed and path to replay it.
 * @throws ResilienceError when some schedule breaks the consumer.
 * @example
 * await assertResilient(async ({ fetch, sleep, collectionUrl, token }) => {
 *   // create statuses, retrying as the consumer's code does
 * }, { faults: faultScheduleArbitrary({ kinds: ['429', '503'] }), numRuns: 100, seed: 7 });
 */
export async function assertResilient(
  consumer: ResilienceConsumer,
  options: AssertResilientOptions = {},
): Promise<void> {
  const { faults = faultScheduleArbitrary(), numRuns = 100, seed, path, ...runOptions } = options;
  const property = fc.asyncProperty(faults, async (schedule) => {
    const run = await runWithFaults(consumer, schedule, runOptions);
    return run.findings.length === 0;
  });
  const details = await fc.check(property, {
    numRuns,
    ...(seed === undefined ? {} : { seed }),
    ...(path === undefined ? {} : { path }),
  });
  if (!details.failed) return;
  const [schedule] = details.counterexample ?? [];
  if (schedule === undefined) {
    throw new Error(
      `assertResilient stopped without a counterexample after ${details.numRuns} run(s)`,
    );
  }
  // Run again to get the findings; a throw here (an option out of range) propagates as it is.
  const run = await runWithFaults(consumer, schedule, runOptions);
  throw new ResilienceError({
    schedule,
    findings: run.findings,
    record: run.record,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    numRuns: details.numRuns,
    numShrinks: details.numShrinks,
  });
}
