import { OptionError, UsageError } from './errors';

/**
 * `value` when it is a safe integer of at least 1 (a count, a size, a time limit).
 * @param what - names the value in the error (`the store capacity`), or `{ option }` names the
 * option field it came from (`{ option: 'concurrency' }`), for an OptionError.
 * @throws UsageError naming `what` otherwise.
 */
export function positiveInteger(value: number, what: string | { readonly option: string }): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    const problem = `must be a positive integer, not ${String(value)}`;
    if (typeof what === 'string') throw new UsageError(`${what} ${problem}`);
    const { option } = what;
    throw new OptionError(option, (name) => `${name(option)} ${problem}`);
  }
  return value;
}
