import { valueAtPointer } from '../../src/contracts/valueAtPointer';

const DOCUMENT = {
  $defs: { 'a/b': { 'c~d': 1 }, 'e f': [10, 20] },
  list: [{ id: 'x' }],
};

describe('valueAtPointer', () => {
  it('walks objects and arrays, unescaping ~1 and ~0', () => {
    expect(valueAtPointer(DOCUMENT, '')).toBe(DOCUMENT);
    expect(valueAtPointer(DOCUMENT, '/$defs/a~1b/c~0d')).toBe(1);
    expect(valueAtPointer(DOCUMENT, '/list/0/id')).toBe('x');
  });

  it('gives undefined where nothing is, inherited properties included', () => {
    expect(valueAtPointer(DOCUMENT, '/$defs/missing')).toBeUndefined();
    expect(valueAtPointer(DOCUMENT, '/list/0/id/length')).toBeUndefined();
    expect(valueAtPointer(DOCUMENT, '/constructor')).toBeUndefined();
    expect(valueAtPointer(null, '/a')).toBeUndefined();
  });

  it('percent-decodes the tokens of a $ref fragment only when asked', () => {
    expect(valueAtPointer(DOCUMENT, '/$defs/e%20f/1', { uriFragment: true })).toBe(20);
    expect(valueAtPointer(DOCUMENT, '/$defs/e%20f/1')).toBeUndefined();
  });
});
