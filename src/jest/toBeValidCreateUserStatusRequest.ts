import { REQUEST_PROFILES, type RequestProfile } from '../contracts/registry';
import { hintFor } from './hintFor';
import { matchContract } from './matchContract';
import { matcherUsageError } from './matcherUsageError';
import { readMatcherSubject, type MatcherSubject } from './readMatcherSubject';
import type { UserStatusMatcherContext, UserStatusMatcherResult } from './UserStatusMatcherContext';

const MATCHER = 'toBeValidCreateUserStatusRequest';

/** Options of `toBeValidCreateUserStatusRequest`. */
export interface ToBeValidCreateUserStatusRequestOptions {
  /**
   * The request profile: `documented` requires the five documented properties, `graph-metadata`
   * makes them all optional.
   * @defaultValue `'documented'`
   */
  readonly profile?: RequestProfile;
}

/**
 * Passes when the value, or the JSON body of a request or response, is a valid create body.
 *
 * Checked under the request profile (`documented` by default). A fetch `Request` or `Response`
 * makes it asynchronous: await the assertion.
 * @example
 * expect(body).toBeValidCreateUserStatusRequest();
 * expect(body).toBeValidCreateUserStatusRequest({ profile: 'graph-metadata' });
 */
export function toBeValidCreateUserStatusRequest(
  this: UserStatusMatcherContext,
  received: unknown,
  options?: ToBeValidCreateUserStatusRequestOptions,
): UserStatusMatcherResult | Promise<UserStatusMatcherResult> {
  const profile = readProfile(this, options);
  const hint = hintFor(
    this,
    MATCHER,
    options?.profile === undefined ? '' : `{ profile: ${JSON.stringify(profile)} }`,
  );
  const label = `the create request contract (${profile} profile)`;
  const judge = (subject: MatcherSubject): UserStatusMatcherResult =>
    matchContract(this, hint, subject, { contract: 'request', options: { profile }, label });
  const subject = readMatcherSubject(received);
  return subject instanceof Promise ? subject.then(judge) : judge(subject);
}

function readProfile(
  context: UserStatusMatcherContext,
  options: ToBeValidCreateUserStatusRequestOptions | undefined,
): RequestProfile {
  if (options === undefined) return 'documented';
  const hint = (): string => hintFor(context, MATCHER, 'options');
  if (typeof options !== 'object' || options === null) {
    throw matcherUsageError(
      hint(),
      `options must be an object such as { profile: 'graph-metadata' }, not ${String(options)}`,
    );
  }
  const profile: unknown = options.profile;
  if (profile === undefined) return 'documented';
  if (!REQUEST_PROFILES.includes(profile as RequestProfile)) {
    throw matcherUsageError(
      hint(),
      `profile must be one of ${REQUEST_PROFILES.map((p) => JSON.stringify(p)).join(', ')}, not ${JSON.stringify(profile) ?? String(profile)}`,
    );
  }
  return profile as RequestProfile;
}
