import {
  listRequestIssues,
  MAX_CHECKED_UNKNOWN_MEMBERS,
} from '../../../src/provider/_internals/listRequestIssues';
import { listIssues } from '../../../src/validator/listIssues';
import { SAMPLE_CREATE_REQUEST } from '../../../src/contracts/sampleCreateRequest';

/** A parsed body with `count` unknown members, then `tail` (known members, say). */
function withUnknownMembers(count: number, tail: Record<string, unknown>): unknown {
  const members = Array.from({ length: count }, (_, i) => `"_${i.toString(36)}":0`);
  const tailText = JSON.stringify(tail).slice(1, -1);
  return JSON.parse(`{${[...members, tailText].filter((m) => m !== '').join(',')}}`) as unknown;
}

describe('listRequestIssues', () => {
  it('checks a body with few members exactly as listIssues does', () => {
    for (const body of [
      SAMPLE_CREATE_REQUEST,
      { ...SAMPLE_CREATE_REQUEST, devicesCount: '3' },
      [],
      null,
      'text',
    ]) {
      expect(listRequestIssues(body, 'documented')).toEqual({
        issues: listIssues('request', body),
        members: typeof body === 'object' && body !== null && !Array.isArray(body) ? 6 : 0,
        unchecked: 0,
      });
    }
  });

  it('checks the known members and only the first unknown ones of a huge body', () => {
    const count = 50_000;
    const body = withUnknownMembers(count, { ...SAMPLE_CREATE_REQUEST, devicesCount: '3' });
    const { issues, members, unchecked } = listRequestIssues(body, 'documented');
    expect(members).toBe(count + 6);
    expect(unchecked).toBe(count - MAX_CHECKED_UNKNOWN_MEMBERS);
    const unexpected = issues.filter((issue) => issue.rule === 'additionalProperties');
    expect(unexpected.map((issue) => issue.path)).toEqual(
      Array.from({ length: MAX_CHECKED_UNKNOWN_MEMBERS }, (_, i) => `/_${i.toString(36)}`),
    );
    // Known members are checked wherever they are: the wrong type at the very end is found, and
    // no required property is reported missing although it comes after 50,000 others.
    expect(issues).toContainEqual(expect.objectContaining({ path: '/devicesCount', rule: 'type' }));
    expect(issues.filter((issue) => issue.rule === 'required')).toEqual([]);
    expect(issues).toHaveLength(MAX_CHECKED_UNKNOWN_MEMBERS + 1);
  });

  it('keeps a __proto__ member a member, without touching any prototype', () => {
    const body = withUnknownMembers(100, {}) as Record<string, unknown>;
    const hostile = JSON.parse(
      `{"__proto__":{"polluted":true},${JSON.stringify(body).slice(1)}`,
    ) as unknown;
    const { issues } = listRequestIssues(hostile, 'graph-metadata');
    expect(issues[0]).toMatchObject({ path: '/__proto__', rule: 'additionalProperties' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
