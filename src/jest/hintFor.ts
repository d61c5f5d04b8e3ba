import type { MatcherHintOptionsLike, UserStatusMatcherContext } from './UserStatusMatcherContext';

/**
 * The first line of a message as Jest prints it, e.g. `expect(received).not.toBeGraphError(404)`.
 *
 * It shows `.not`, `.resolves` or `.rejects` when the assertion used them.
 */
export function hintFor(
  context: UserStatusMatcherContext,
  matcherName: string,
  expected: string,
): string {
  const options: MatcherHintOptionsLike = {
    ...(context.isNot === undefined ? {} : { isNot: context.isNot }),
    ...(context.promise === undefined ? {} : { promise: context.promise }),
  };
  return context.utils.matcherHint(matcherName, undefined, expected, options);
}
