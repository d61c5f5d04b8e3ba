import { formatReceived } from './formatSubject';
import { hintFor } from './hintFor';
import { matchContract } from './matchContract';
import { readMatcherSubject, type MatcherSubject } from './readMatcherSubject';
import type { UserStatusMatcherContext, UserStatusMatcherResult } from './UserStatusMatcherContext';

const MATCHER = 'toMatchUserStatusContract';
const LABEL = 'the entity contract';

/**
 * Passes when the value, or the JSON body of a 2xx response, is a `deviceComplianceUserStatus`.
 *
 * The entity as a server returns it. A fetch `Response` makes it asynchronous: await the assertion.
 * @example
 * expect(entity).toMatchUserStatusContract();
 * await expect(await fetch(url, init)).toMatchUserStatusContract();
 */
export function toMatchUserStatusContract(
  this: UserStatusMatcherContext,
  received: unknown,
): UserStatusMatcherResult | Promise<UserStatusMatcherResult> {
  const hint = hintFor(this, MATCHER, '');
  const judge = (subject: MatcherSubject): UserStatusMatcherResult => {
    const { status } = subject;
    if (status !== undefined && (status < 200 || status > 299)) {
      return {
        pass: false,
        message: () =>
          `${hint}\n\nExpected a 2xx response whose body matches ${LABEL}, but the ${subject.source} has status ${status}.\n\n` +
          formatReceived(subject, this.utils),
      };
    }
    return matchContract(this, hint, subject, { contract: 'entity', options: {}, label: LABEL });
  };
  const subject = readMatcherSubject(received);
  return subject instanceof Promise ? subject.then(judge) : judge(subject);
}
