import { issueAsJson } from '../../src/cli/issueAsJson';
import type { ValidationIssue } from '../../src/contracts/ValidationIssue';

const issue = (path: string, rule = 'type'): ValidationIssue => ({
  path,
  rule,
  message: 'm',
  expected: 'e',
  actual: 'described',
});

describe('issueAsJson', () => {
  it('takes the value at the path, keeping its JSON type', () => {
    const document = { a: { 'b/c': [1, false, null] }, '~k': 2 };
    expect(issueAsJson(issue('/a/b~1c/1'), document).actual).toBe(false);
    expect(issueAsJson(issue('/a/b~1c/2'), document).actual).toBeNull();
    expect(issueAsJson(issue('/~0k'), document).actual).toBe(2);
    expect(issueAsJson(issue(''), 5).actual).toBe(5);
  });

  it('has no actual where the value is missing, or the input was not JSON', () => {
    expect(issueAsJson(issue('/id', 'required'), {})).not.toHaveProperty('actual');
    expect(issueAsJson(issue('/toString'), {})).not.toHaveProperty('actual');
    expect(issueAsJson(issue('', 'json'), undefined)).not.toHaveProperty('actual');
  });

  it('clips long strings, long arrays and objects, and deep nesting', () => {
    const long = Array.from({ length: 25 }, (_, i) => i);
    expect(issueAsJson(issue(''), long).actual).toEqual([
      ...long.slice(0, 20),
      '... (5 more items)',
    ]);
    const wide = Object.fromEntries(long.map((i) => [`k${i}`, i]));
    expect(Object.keys(issueAsJson(issue(''), wide).actual as object)).toHaveLength(21);
    expect(issueAsJson(issue(''), { a: { b: { c: { d: 1 } } } }).actual).toEqual({
      a: { b: { c: 'object' } },
    });
    expect(issueAsJson(issue(''), 'y'.repeat(61)).actual).toBe(
      `${'y'.repeat(60)}... (61 characters)`,
    );
  });

  it('keeps a "__proto__" key as a property, not a prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    const actual = issueAsJson(issue(''), parsed).actual as Record<string, unknown>;
    expect(JSON.stringify(actual)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
