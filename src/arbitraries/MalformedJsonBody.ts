/** The kinds of raw body `malformedJsonBodyArbitrary` produces. */
export type MalformedJsonLabel =
  | 'truncated'
  | 'trailingComma'
  | 'byteOrderMark'
  | 'singleQuotes'
  | 'unquotedKey'
  | 'comment'
  | 'nonJsonNumber'
  | 'invalidEscape'
  | 'rawControlCharacter'
  | 'trailingGarbage'
  | 'empty'
  | 'notJson'
  | 'duplicateKeys'
  | 'protoKey'
  | 'loneSurrogate'
  | 'hugeNumber'
  | 'deepNesting'
  | 'hugeString';

/**
 * A raw request body that is not JSON, or is JSON built to hurt a parser or the code behind it.
 * Send `text` as it is, with `Content-Type: application/json`.
 */
export interface MalformedJsonBody {
  /** The raw body. */
  readonly text: string;
  /** What kind of damage it carries. */
  readonly label: MalformedJsonLabel;
  /** What is wrong, in words. */
  readonly description: string;
  /**
   * Whether `JSON.parse` accepts it. Hostile JSON (duplicate keys, `__proto__`, deep nesting, a
   * 5 MB string) parses; a server must still answer it safely, and a 400 for any invalid body.
   */
  readonly parsesAsJson: boolean;
}
