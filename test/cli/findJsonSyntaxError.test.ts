import fc from 'fast-check';
import { findJsonSyntaxError } from '../../src/cli/findJsonSyntaxError';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON texts with one character inserted, removed or replaced: mostly broken, sometimes not. */
const mutatedJson = fc
  .tuple(
    fc.json({ maxDepth: 3 }),
    fc.nat(),
    fc.constantFrom('insert', 'remove', 'replace'),
    fc.constantFrom(...'{}[]",:.-+eE0 \n\\tfnu/x'.split('')),
  )
  .map(([text, at, how, char]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (how === 'insert') return text.slice(0, i) + char + text.slice(i);
    if (how === 'remove') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + char + text.slice(i + 1);
  });

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in any JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => findJsonSyntaxError(text) === undefined),
      { numRuns: 2_000 },
    );
  });

  it('finds an error exactly when JSON.parse refuses the text', () => {
    fc.assert(
      fc.property(mutatedJson, (text) => {
        const error = findJsonSyntaxError(text);
        if ((error === undefined) !== parses(text)) return false;
        return error === undefined || (error.offset >= 0 && error.offset <= text.length);
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    ['{"a" 1}', 5, `expected ':' after a property name, found "1"`],
    ['[1,,2]', 3, 'expected a value, found ","'],
    ['{"a":1,}', 7, 'expected a double-quoted property name, found "}"'],
    ['[1 2]', 3, `expected ',' or ']' after an array element, found "2"`],
    ['{"a":01}', 6, 'expected a complete number, found "1"'],
    ['"abc', 4, `expected '"' to close the string, found the end of the input`],
    ['{"a":1}}', 7, 'expected the end of the input after a value, found "}"'],
    ['', 0, 'expected a value, found the end of the input'],
    ['"a\nb"', 2, 'expected no control character inside a string (escape it), found "\\n"'],
    ['\u007f', 0, 'expected a value, found U+007F'],
    ['[1,\u200b2]', 3, 'expected a value, found U+200B'],
    ['[\ud800]', 1, 'expected a value, found U+D800'],
  ])('locates the error in %j at offset %d', (text, offset, message) => {
    expect(findJsonSyntaxError(text)).toEqual({ offset, message });
  });

  it('copes with 100,000 nested arrays, without recursion', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(findJsonSyntaxError(deep)).toBeUndefined();
    expect(findJsonSyntaxError(`${deep.slice(0, -1)}}`)?.offset).toBe(deep.length - 1);
  });
});
