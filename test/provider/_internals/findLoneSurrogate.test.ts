import { findLoneSurrogate } from '../../../src/provider/_internals/findLoneSurrogate';
import { parseJsonBody } from '../../../src/provider/_internals/parseJsonBody';

const parse = (text: string) => findLoneSurrogate(text, JSON.parse(text));

describe('findLoneSurrogate', () => {
  it('points at a string holding a lone high or low surrogate', () => {
    expect(parse('{"userDisplayName":"\\ud800"}')).toBe('/userDisplayName');
    expect(parse('{"a":["ok","x\\udfff"]}')).toBe('/a/1');
    expect(parse('{"a":{"b/c":"\\ud83dz"}}')).toBe('/a/b~1c');
  });

  it('points at a property name holding one', () => {
    expect(parse('{"\\udc00":1}')).toBe('/\udc00');
  });

  it('accepts surrogate pairs, escaped or not, and plain text', () => {
    expect(parse('{"n":"\\ud83d\\ude00"}')).toBeUndefined();
    expect(parse(JSON.stringify({ n: 'Zoë 😀 مرحبا' }))).toBeUndefined();
    expect(parse('{"n":"\\u00e9"}')).toBeUndefined();
  });

  it('walks nesting far deeper than the call stack without overflowing it', () => {
    const depth = 100_000;
    const nested = (inner: string): string =>
      `{"x":${'['.repeat(depth)}${inner}${']'.repeat(depth)}}`;
    expect(parse(nested('"\\ud83d\\ude00"'))).toBeUndefined();
    const pointer = parse(nested('1,"\\udfff"'));
    expect(pointer).toBe(`/x${'/0'.repeat(depth - 1)}/1`);
  });

  it('reports the first lone surrogate in document order', () => {
    expect(parse('{"a":[["ok"],"\\ud800"],"b":"\\udc00"}')).toBe('/a/1');
    expect(parse('[{"\\ud800x":1},"\\udc00"]')).toBe('/0/\ud800x');
  });
});

describe('parseJsonBody', () => {
  it('refuses a body with half of a surrogate pair, naming where', () => {
    const parsed = parseJsonBody(Buffer.from('{"userDisplayName":"a\\ud83d"}'));
    expect(parsed).toEqual({
      ok: false,
      message: expect.stringMatching(/half of a surrogate pair at "\/userDisplayName"/),
    });
  });
});
