/** One way a value breaks a contract, pinpointed. */
export interface ValidationIssue {
  /** JSON pointer to the offending value (`''` is the root, `/devicesCount` a property). */
  readonly path: string;
  /** The JSON Schema keyword that failed: `type`, `required`, `enum`, `const`, `maximum`, `format`, ... */
  readonly rule: string;
  /** A sentence a person can act on. */
  readonly message: string;
  /** What the contract expects, in words (`integer`, `one of: unknown, ...`, `<= 2147483647`). */
  readonly expected: string;
  /** A short rendering of what was found (`"3"`, `3.5`, `missing`, `object`). */
  readonly actual: string;
  /** The unexpected property's name, for `additionalProperties`. */
  readonly property?: string;
  /** The allowed values, for `enum` and `const`. */
  readonly allowedValues?: readonly unknown[];
}
