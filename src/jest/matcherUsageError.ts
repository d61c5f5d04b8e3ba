import { UsageError } from '../errors';

/**
 * The error a matcher throws when called wrongly, laid out like Jest's own matcher errors.
 *
 * For example an unknown profile, or a status that is not an HTTP status.
 */
export function matcherUsageError(hint: string, problem: string): UsageError {
  return new UsageError(`${hint}\n\nMatcher error: ${problem}`);
}
