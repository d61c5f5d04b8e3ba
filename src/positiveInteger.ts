import { UsageError } from './errors';

/**
 * `value` when it is a safe integer of at least 1 (a count, a size, a time limit).
 * @param what - names the value in the error (`maxBodyBytes`, `the runs option`).
 * @throws UsageError naming `what` otherwise.
 */
export function positiveInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${what} must be a positive integer, not ${String(value)}`);
  }
  return value;
}
