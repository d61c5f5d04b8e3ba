import type { UserStatusMatcherContext, UserStatusMatcherResult } from './UserStatusMatcherContext';

/**
 * The result of a matcher that could not decide: it fails with and without `.not`.
 *
 * Used when the body could not be read, or a status was asked of a subject without one, so that a
 * negated assertion cannot pass by accident.
 */
export function cannotJudge(
  context: UserStatusMatcherContext,
  hint: string,
  reason: string,
): UserStatusMatcherResult {
  return { pass: context.isNot === true, message: () => `${hint}\n\n${reason}` };
}
