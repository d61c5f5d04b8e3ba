import { listAdvisories } from '../../src/validator/listAdvisories';
import { listIssues } from '../../src/validator/listIssues';

const BODY = {
  userDisplayName: 'Adele Vance',
  devicesCount: 1,
  status: 'compliant',
  lastReportedDateTime: '2020-06-14T20:52:52.8841394Z',
  userPrincipalName: 'adele.vance@contoso.onmicrosoft.com',
};

describe('listAdvisories', () => {
  it('advises against an empty id, which the contract itself allows', () => {
    const body = { ...BODY, id: '' };
    expect(listIssues('request', body)).toEqual([]);
    expect(listAdvisories(body)).toEqual([
      expect.objectContaining({ path: '/id', rule: 'nonEmptyId', actual: '""' }),
    ]);
  });

  it.each([
    ['no id', BODY],
    ['a non-empty id', { ...BODY, id: 'a_b_c' }],
    ['a one-space id', { ...BODY, id: ' ' }],
    ['a body that is not an object', [BODY]],
    ['null', null],
  ])('has nothing to say about %s', (_label, body) => {
    expect(listAdvisories(body)).toEqual([]);
  });
});
