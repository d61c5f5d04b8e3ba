/** Where a text stops being JSON, and why, in one line of words. */
export interface JsonSyntaxError {
  /** Offset (UTF-16 code units) of the first character that cannot be JSON, or the text's length. */
  readonly offset: number;
  /** What was expected and what was found, e.g. `expected ',' or '}' after a property value, found "x"`. */
  readonly message: string;
}

const ARRAY = 0;
const OBJECT = 1;

/** What the checker expects next; `*-string` means it is inside a string that a piece ended. */
type Mode =
  | 'value'
  | 'value-or-close'
  | 'key'
  | 'key-or-close'
  | 'colon'
  | 'after-value'
  | 'key-string'
  | 'value-string';

/**
 * Checks the syntax of one JSON text given in pieces, holding only its nesting: a reader can tell
 * that a large input is not one JSON document as soon as it breaks, without keeping it all.
 * Iterative, so any nesting depth is fine. Pieces may end anywhere but inside a number, a literal or
 * an escape sequence; ending them just before each line break is always safe.
 * @example
 * const checker = new JsonSyntaxChecker();
 * for (const piece of ['{"a":', ' 1}']) checker.write(piece);
 * checker.end(); // undefined: the text is JSON
 */
export class JsonSyntaxChecker {
  readonly #containers: number[] = [];
  #mode: Mode = 'value';
  #length = 0;
  #error: JsonSyntaxError | undefined;

  /** How many UTF-16 code units have been written so far. */
  get length(): number {
    return this.#length;
  }

  /** The first error found so far, if any. */
  get error(): JsonSyntaxError | undefined {
    return this.#error;
  }

  /** Checks the next piece of the text; returns the first error found in the text so far. */
  write(piece: string): JsonSyntaxError | undefined {
    if (this.#error === undefined) {
      const error = this.#scan(piece);
      if (error !== undefined) {
        this.#error = { offset: this.#length + error.offset, message: error.message };
      }
    }
    this.#length += piece.length;
    return this.#error;
  }

  /** Ends the text; returns the first error, or `undefined` if the whole text is JSON. */
  end(): JsonSyntaxError | undefined {
    if (this.#error !== undefined) return this.#error;
    const expected = this.#expectedAtEnd();
    if (expected !== undefined) {
      this.#error = { offset: this.#length, message: `${expected}, found the end of the input` };
    }
    return this.#error;
  }

  #expectedAtEnd(): string | undefined {
    switch (this.#mode) {
      case 'value':
      case 'value-or-close':
        return 'expected a value';
      case 'key':
      case 'key-or-close':
        return 'expected a double-quoted property name';
      case 'colon':
        return "expected ':' after a property name";
      case 'key-string':
      case 'value-string':
        return `expected '"' to close the string`;
      case 'after-value':
        return this.#containers.length === 0 ? undefined : `expected ${this.#separator()}`;
    }
  }

  #separator(): string {
    return this.#containers[this.#containers.length - 1] === OBJECT
      ? "',' or '}' after a property value"
      : "',' or ']' after an array element";
  }

  /** Scans one piece from the current state; an error's offset is relative to the piece. */
  #scan(text: string): JsonSyntaxError | undefined {
    let i = 0;
    if (this.#mode === 'key-string' || this.#mode === 'value-string') {
      const end = scanStringBody(text, 0);
      if (end === undefined) return undefined;
      if (typeof end !== 'number') return end;
      this.#mode = this.#mode === 'key-string' ? 'colon' : 'after-value';
      i = end;
    }
    for (;;) {
      i = skipWhitespace(text, i);
      if (i >= text.length) return undefined;
      const code = text.charCodeAt(i);
      switch (this.#mode) {
        case 'value-or-close':
        case 'key-or-close': {
          const close = this.#containers[this.#containers.length - 1] === OBJECT ? 0x7d : 0x5d;
          if (code === close) {
            this.#containers.pop();
            this.#mode = 'after-value';
            i++;
          } else {
            this.#mode = this.#mode === 'key-or-close' ? 'key' : 'value';
          }
          continue;
        }
        case 'value': {
          if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
            this.#containers.push(code === 0x7b ? OBJECT : ARRAY);
            this.#mode = code === 0x7b ? 'key-or-close' : 'value-or-close';
            i++;
            continue;
          }
          if (code === 0x22 /* " */) {
            const end = scanStringBody(text, i + 1);
            if (end === undefined) {
              this.#mode = 'value-string';
              return undefined;
            }
            if (typeof end !== 'number') return end;
            i = end;
          } else {
            const end = scanNumberOrLiteral(text, i, 'expected a value');
            if (typeof end !== 'number') return end;
            i = end;
          }
          this.#mode = 'after-value';
          continue;
        }
        case 'key': {
          if (code !== 0x22) return fail(text, i, 'expected a double-quoted property name');
          const end = scanStringBody(text, i + 1);
          if (end === undefined) {
            this.#mode = 'key-string';
            return undefined;
          }
          if (typeof end !== 'number') return end;
          i = end;
          this.#mode = 'colon';
          continue;
        }
        case 'colon': {
          if (code !== 0x3a /* : */) return fail(text, i, "expected ':' after a property name");
          i++;
          this.#mode = 'value';
          continue;
        }
        case 'after-value': {
          const container = this.#containers[this.#containers.length - 1];
          if (container === undefined) {
            return fail(text, i, 'expected the end of the input after a value');
          }
          if (code === 0x2c /* , */) {
            i++;
            this.#mode = container === OBJECT ? 'key' : 'value';
          } else if (code === (container === OBJECT ? 0x7d : 0x5d)) {
            this.#containers.pop();
            i++;
          } else {
            return fail(text, i, `expected ${this.#separator()}`);
          }
          continue;
        }
      }
    }
  }
}

function fail(text: string, offset: number, expected: string): JsonSyntaxError {
  const found = offset < text.length ? describeCharacter(text, offset) : 'the end of the input';
  return { offset, message: `${expected}, found ${found}` };
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return i;
    i++;
  }
}

// eslint-disable-next-line no-control-regex
const PLAIN_CHARACTERS = /[^"\\\u0000-\u001f]*/y;

/**
 * The offset just past the `"` that closes a string whose body starts at `from`, the error inside
 * it, or `undefined` if the text ends first.
 */
function scanStringBody(text: string, from: number): number | JsonSyntaxError | undefined {
  let i = from;
  for (;;) {
    // Plain characters in one native step: a character-by-character loop doubles the check's time.
    PLAIN_CHARACTERS.lastIndex = i;
    PLAIN_CHARACTERS.test(text);
    i = PLAIN_CHARACTERS.lastIndex;
    if (i >= text.length) return undefined;
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20)
      return fail(text, i, 'expected no control character inside a string (escape it)');
    if (code === 0x5c /* \ */) {
      const escape = text[i + 1];
      if (escape === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return fail(text, i, 'expected four hex digits after \\u');
        }
        i += 6;
        continue;
      }
      if (escape === undefined || !'"\\/bfnrt'.includes(escape)) {
        return fail(text, i, 'expected a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      }
      i += 2;
      continue;
    }
    i++;
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function scanNumberOrLiteral(
  text: string,
  start: number,
  expected: string,
): number | JsonSyntaxError {
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, start)) return start + literal.length;
  }
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  if (match === null) return fail(text, start, expected);
  const end = start + match[0].length;
  // A number must not run into a letter or digit it could not take (`1.`, `01`, `1e`, `-`).
  const next = text.charCodeAt(end);
  if (next === 0x2e || (next >= 0x30 && next <= 0x39) || next === 0x65 || next === 0x45) {
    return fail(text, end, 'expected a complete number');
  }
  return end;
}

/**
 * The character at `offset`, quoted as JSON writes it where that is readable (a letter, `"\\n"`),
 * else by code point (DEL, a zero-width space, a byte order mark), which would not show in a terminal.
 */
function describeCharacter(text: string, offset: number): string {
  const codePoint = text.codePointAt(offset) ?? 0;
  const character = String.fromCodePoint(codePoint);
  return codePoint < 0x20 || character === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(character)
    ? JSON.stringify(character)
    : `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
