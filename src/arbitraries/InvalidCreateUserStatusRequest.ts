/** The classes of contract violation `invalidCreateUserStatusRequestArbitrary` produces. */
export type RequestMutation =
  | 'wrongType'
  | 'nullForNonNullable'
  | 'int32Overflow'
  | 'float'
  | 'numericString'
  | 'enumCasing'
  | 'unknownEnumValue'
  | 'malformedDate'
  | 'missingRequired'
  | 'unknownProperty'
  | 'protoKey'
  | 'wrongODataType'
  | 'nonObjectBody';

/**
 * Why an invalid body is invalid. `listIssues('request', body)` reports at least one issue, every
 * issue is at `path`, and one of them has rule `rule` (a non-string `status` also fails `enum` at
 * the same path: one mistake, two keywords).
 */
export interface RequestViolation {
  /** JSON pointer of the offending value, as `ValidationIssue.path` (`''` is the body itself). */
  readonly path: string;
  /** The JSON Schema keyword it breaks, as `ValidationIssue.rule`. */
  readonly rule: string;
  /** The class of mutation. */
  readonly mutation: RequestMutation;
  /** What is wrong, in words. */
  readonly description: string;
}

/** A create body that breaks the contract in exactly one labelled way. */
export interface InvalidCreateUserStatusRequest {
  /** The body (any JSON value). */
  readonly body: unknown;
  /** What it breaks. */
  readonly violation: RequestViolation;
}
