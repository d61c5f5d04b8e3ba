import { ContractViolationError, UserStatusContractsError } from '../../src/errors';
import { assertValid } from '../../src/validator/assertValid';
import { listIssues } from '../../src/validator/listIssues';

const VALID_BODY = {
  userDisplayName: 'Adele Vance',
  devicesCount: 3,
  status: 'compliant',
  lastReportedDateTime: '2020-06-14T20:52:52.8841394Z',
  userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
};

function thrownBy(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe('assertValid', () => {
  it('returns quietly for a valid value', () => {
    expect(() => assertValid('request', VALID_BODY)).not.toThrow();
  });

  it('throws a ContractViolationError with code E_CONTRACT_VIOLATION and every issue', () => {
    const broken = { ...VALID_BODY, devicesCount: '3', status: 'Compliant' };
    const error = thrownBy(() => assertValid('request', broken));
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error).toBeInstanceOf(UserStatusContractsError);
    const violation = error as ContractViolationError;
    expect(violation.code).toBe('E_CONTRACT_VIOLATION');
    expect(violation.name).toBe('ContractViolationError');
    expect(violation.contract).toBe('request');
    expect(violation.issues).toEqual(listIssues('request', broken));
    expect(violation.issues.map((i) => `${i.path} ${i.rule}`)).toEqual([
      '/devicesCount type',
      '/status enum',
    ]);
  });

  it('summarises the first issue and counts the rest in its message', () => {
    const error = thrownBy(() =>
      assertValid('request', { ...VALID_BODY, devicesCount: '3', status: 'Compliant' }),
    ) as Error;
    expect(error.message).toBe(
      'value breaks the request contract: /devicesCount type: /devicesCount must be an integer, found string "3" (and 1 more)',
    );
  });

  it('uses the profile it is given', () => {
    expect(() => assertValid('request', {}, { profile: 'graph-metadata' })).not.toThrow();
    expect(() => assertValid('request', {})).toThrow(ContractViolationError);
  });

  it('narrows the value to the contract type after it returns', () => {
    const value: unknown = { ...VALID_BODY, id: 'x' };
    assertValid('entity', value);
    const id: string = value.id;
    expect(id).toBe('x');
  });
});
