import fc from 'fast-check';
import { findJsonSyntaxError } from '../../src/cli/findJsonSyntaxError';
import { JsonSyntaxChecker } from '../../src/cli/JsonSyntaxChecker';

/** Pretty-printed JSON texts with one character inserted, removed or replaced. */
const mutatedPrettyJson = fc
  .tuple(
    fc.json({ maxDepth: 3 }),
    fc.nat(),
    fc.constantFrom('insert', 'remove', 'replace'),
    fc.constantFrom(...'{}[]",:.-+eE0 \n\\tfnu/x'.split('')),
  )
  .map(([json, at, how, char]) => {
    const text = JSON.stringify(JSON.parse(json), null, 2);
    const i = at % (text.length + 1);
    if (how === 'insert') return text.slice(0, i) + char + text.slice(i);
    if (how === 'remove') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + char + text.slice(i + 1);
  });

/** Checks a text in pieces, each piece but the first starting with a line break. */
function checkByLines(text: string) {
  const checker = new JsonSyntaxChecker();
  text.split('\n').forEach((line, index) => checker.write(index === 0 ? line : `\n${line}`));
  return checker.end();
}

describe('JsonSyntaxChecker', () => {
  it('finds the same error in a text written line by line as in the text written whole', () => {
    fc.assert(
      fc.property(mutatedPrettyJson, (text) => {
        expect(checkByLines(text)).toEqual(findJsonSyntaxError(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it('follows a string across pieces', () => {
    const checker = new JsonSyntaxChecker();
    for (const piece of ['{"na', 'me": "Ad', 'ele"', '}'])
      expect(checker.write(piece)).toBeUndefined();
    expect(checker.end()).toBeUndefined();
  });

  it('reports an error as soon as the piece holding it is written, at its offset in the whole text', () => {
    const checker = new JsonSyntaxChecker();
    expect(checker.write('{"a": 1')).toBeUndefined();
    expect(checker.write('\n"b": 2}')).toEqual({
      offset: 8,
      message: `expected ',' or '}' after a property value, found "\\""`,
    });
    expect(checker.error?.offset).toBe(8);
    expect(checker.write('\nanything')).toEqual(checker.error);
    expect(checker.length).toBe(24);
  });

  it('accepts an empty object or array closed on a later line', () => {
    const checker = new JsonSyntaxChecker();
    for (const piece of ['[', '\n  {', '\n  }', '\n]']) checker.write(piece);
    expect(checker.end()).toBeUndefined();
  });
});
