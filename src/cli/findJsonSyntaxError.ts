/** Where a text stops being JSON, and why, in one line of words. */
export interface JsonSyntaxError {
  /** Offset (UTF-16 code units) of the first character that cannot be JSON, or the text's length. */
  readonly offset: number;
  /** What was expected and what was found, e.g. `expected ',' or '}' after a property value, found "x"`. */
  readonly message: string;
}

const ARRAY = 0;
const OBJECT = 1;

/**
 * Finds the first syntax error of a text that `JSON.parse` refused. V8's own messages give no
 * position for some errors (`Unexpected token`) and quote the input across lines, so a report needs
 * its own. Iterative, so any nesting depth is fine; returns `undefined` if the text is JSON.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const containers: number[] = [];
  let i = skipWhitespace(text, 0);
  let mode: 'value' | 'after-value' | 'key' = 'value';
  for (;;) {
    if (mode === 'value') {
      if (i >= text.length) return fail(text, i, 'expected a value');
      const code = text.charCodeAt(i);
      if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
        const close = code === 0x7b ? 0x7d : 0x5d;
        i = skipWhitespace(text, i + 1);
        if (text.charCodeAt(i) === close) {
          i++;
          mode = 'after-value';
        } else {
          containers.push(code === 0x7b ? OBJECT : ARRAY);
          mode = code === 0x7b ? 'key' : 'value';
        }
        continue;
      }
      const end =
        code === 0x22 /* " */
          ? scanString(text, i)
          : scanNumberOrLiteral(text, i, 'expected a value');
      if (typeof end !== 'number') return end;
      i = skipWhitespace(text, end);
      mode = 'after-value';
      continue;
    }
    if (mode === 'key') {
      if (text.charCodeAt(i) !== 0x22) {
        return fail(text, i, 'expected a double-quoted property name');
      }
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = skipWhitespace(text, end);
      if (text.charCodeAt(i) !== 0x3a /* : */) {
        return fail(text, i, "expected ':' after a property name");
      }
      i = skipWhitespace(text, i + 1);
      mode = 'value';
      continue;
    }
    // after-value
    i = skipWhitespace(text, i);
    const container = containers[containers.length - 1];
    if (container === undefined) {
      return i < text.length
        ? fail(text, i, 'expected the end of the input after a value')
        : undefined;
    }
    const close = container === OBJECT ? 0x7d : 0x5d;
    const code = text.charCodeAt(i);
    if (code === 0x2c /* , */) {
      i = skipWhitespace(text, i + 1);
      mode = container === OBJECT ? 'key' : 'value';
    } else if (code === close) {
      containers.pop();
      i++;
    } else {
      const expected =
        container === OBJECT
          ? "',' or '}' after a property value"
          : "',' or ']' after an array element";
      return fail(text, i, `expected ${expected}`);
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

/** The offset just past a string starting at `start` (a `"`), or the error inside it. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  for (;;) {
    if (i >= text.length) return fail(text, i, "expected '\"' to close the string");
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
