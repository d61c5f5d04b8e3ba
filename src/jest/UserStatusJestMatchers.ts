import type { ClientBehaviourOptions } from '../faults/judgeClientBehaviour';
import type { FetchBodyLike } from './readMatcherSubject';
import type { ToBeValidCreateUserStatusRequestOptions } from './toBeValidCreateUserStatusRequest';

/**
 * What an assertion returns for a received `T`: `Promise<R>` for a fetch body, else `R`.
 *
 * A fetch `Response` or `Request` is read asynchronously, so its assertion must be awaited. A value
 * typed `any` gets `R` (supertest's `res.body` is `any`, and is never a Response).
 */
export type UserStatusMatcherReturn<R, T> = 0 extends 1 & T
  ? R
  : [T] extends [FetchBodyLike]
    ? R extends Promise<unknown>
      ? R
      : Promise<R>
    : R;

/**
 * The matchers' signatures, merged into Jest's `Matchers` by the entry.
 *
 * Merged into both the global `jest` namespace and the `expect` module (used by `@jest/globals`).
 */
export interface UserStatusJestMatchers<R, T = unknown> {
  /**
   * Asserts that the value, or a 2xx response's JSON body, is a `deviceComplianceUserStatus`.
   *
   * A failure lists every issue with its JSON pointer, rule, expected and received values. Await
   * it for a fetch `Response`.
   */
  toMatchUserStatusContract(): UserStatusMatcherReturn<R, T>;
  /**
   * Asserts that the value, or a request's or response's JSON body, is a valid create body.
   *
   * Checked under the profile, `documented` by default. Await it for a fetch `Request` or `Response`.
   */
  toBeValidCreateUserStatusRequest(
    options?: ToBeValidCreateUserStatusRequestOptions,
  ): UserStatusMatcherReturn<R, T>;
  /**
   * Asserts that the value, or a response's JSON body, is Graph's OData error envelope.
   *
   * For a response, also that its status is `status` (or, without it, any 4xx or 5xx); a status
   * needs the response, not its body. Await it for a fetch `Response`.
   */
  toBeGraphError(status?: number): UserStatusMatcherReturn<R, T>;
  /**
   * Asserts that the client recorded (a `record`, or a provider or MSW handlers holding one)
   * broke no rule of resilience.
   *
   * Retry-After honoured, retries bounded, no create stored twice after an ambiguous failure,
   * reported creates stored, a clear error on giving up; a failure shows the request sequence.
   */
  toBeResilientClient(options?: ClientBehaviourOptions): R;
}

/**
 * The same checks as asymmetric matchers, for plain values inside other assertions.
 *
 * `expect(send).toHaveBeenCalledWith(expect.toBeValidCreateUserStatusRequest())`, also under
 * `expect.not`. They judge values synchronously, so they take bodies, not fetch `Response`s.
 */
export interface UserStatusAsymmetricMatchers<R> {
  /** Matches a `deviceComplianceUserStatus`. */
  toMatchUserStatusContract(): R;
  /** Matches a valid create body (under the `documented` profile unless `options` says otherwise). */
  toBeValidCreateUserStatusRequest(options?: ToBeValidCreateUserStatusRequestOptions): R;
  /** Matches Graph's OData error envelope (a status needs a response, so pass none here). */
  toBeGraphError(): R;
}
