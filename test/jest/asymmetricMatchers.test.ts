import { expect as globalsExpect } from '@jest/globals';
import '../../src/jest';
import { createUserStatusRequestFactory } from '../../src/factories/createUserStatusRequestFactory';
import { userStatusFactory } from '../../src/factories/userStatusFactory';

const status = userStatusFactory.build({}, { seed: 3 });
const body = createUserStatusRequestFactory.build({}, { seed: 3 });
const graphError = {
  error: {
    code: 'BadRequest',
    message: 'Invalid body.',
    innerError: {
      date: '2021-09-02T21:52:54',
      'request-id': '0e9f9a46-6b39-4c1a-9f9e-9a7d1a0c2b3d',
    },
  },
};

describe('the matchers inside other assertions (asymmetric)', () => {
  it('match the values that the contract allows, with the global expect and @jest/globals', () => {
    expect({ value: [status] }).toEqual({ value: [expect.toMatchUserStatusContract()] });
    globalsExpect({ value: [status] }).toEqual({
      value: [globalsExpect.toMatchUserStatusContract()],
    });
    const send = jest.fn();
    send(body);
    expect(send).toHaveBeenCalledWith(expect.toBeValidCreateUserStatusRequest());
    expect([graphError]).toEqual([expect.toBeGraphError()]);
  });

  it('fail an assertion on a value that breaks the contract', () => {
    const send = jest.fn();
    send({ ...body, status: 'Compliant' });
    expect(() =>
      expect(send).toHaveBeenCalledWith(expect.toBeValidCreateUserStatusRequest()),
    ).toThrow(/Expected: toBeValidCreateUserStatusRequest<>/);
    expect(() =>
      expect([{ ...status, devicesCount: 2 ** 31 }]).toEqual([expect.toMatchUserStatusContract()]),
    ).toThrow();
    expect(() => expect({ error: 'no' }).toEqual(expect.toBeGraphError())).toThrow();
  });

  it('invert under expect.not', () => {
    expect([{ ...status, id: '' }]).toEqual([expect.not.toMatchUserStatusContract()]);
    globalsExpect([{ ...status, id: '' }]).toEqual([globalsExpect.not.toMatchUserStatusContract()]);
    expect(() => expect([status]).toEqual([expect.not.toMatchUserStatusContract()])).toThrow();
  });

  it('take the create profile as the matcher does', () => {
    const partial = { status: 'compliant' };
    expect(partial).toEqual(expect.toBeValidCreateUserStatusRequest({ profile: 'graph-metadata' }));
    expect(partial).toEqual(expect.not.toBeValidCreateUserStatusRequest());
  });
});
