/** Options of `matcherHint`, as Jest's (and Vitest's) matcher utilities take them. */
export interface MatcherHintOptionsLike {
  readonly isNot?: boolean;
  readonly promise?: string;
  readonly comment?: string;
  readonly secondArgument?: string;
}

/**
 * The part of `this.utils` the matchers use.
 *
 * Jest's `jest-matcher-utils` and Vitest's equivalent both provide it; colours are optional so that
 * a runner without them still gets plain text.
 */
export interface MatcherUtilsLike {
  matcherHint(
    matcherName: string,
    received?: string,
    expected?: string,
    options?: MatcherHintOptionsLike,
  ): string;
  printReceived(value: unknown): string;
  printExpected(value: unknown): string;
  readonly EXPECTED_COLOR?: (text: string) => string;
  readonly RECEIVED_COLOR?: (text: string) => string;
}

/**
 * What the matchers need from `this`: a structural subset of Jest's `MatcherContext`.
 *
 * Declared here so that the matchers' types do not depend on the `expect` or `@types/jest` packages.
 */
export interface UserStatusMatcherContext {
  /** True under `.not`. */
  readonly isNot?: boolean;
  /** `'resolves'`, `'rejects'` or `''`. */
  readonly promise?: string;
  readonly utils: MatcherUtilsLike;
}

/** What a matcher returns to `expect`: whether it passed, and the message to show. */
export interface UserStatusMatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}
