import { registerUserStatusMatchers } from '../../src/jest/registerUserStatusMatchers';
import { userStatusMatchers } from '../../src/jest/userStatusMatchers';

describe('registerUserStatusMatchers', () => {
  it('extends the expect it finds, and says so', () => {
    const extend = jest.fn();
    const fakeExpect = Object.assign(() => undefined, { extend });
    expect(registerUserStatusMatchers({ expect: fakeExpect })).toBe(true);
    expect(extend).toHaveBeenCalledTimes(1);
    expect(extend).toHaveBeenCalledWith(userStatusMatchers);
    expect(extend.mock.contexts[0]).toBe(fakeExpect);
  });

  it.each([
    ['no expect', {}],
    ['an expect without extend', { expect: () => undefined }],
    ['an extend that is not a function', { expect: { extend: true } }],
    ['a null expect', { expect: null }],
  ])('does nothing with %s', (_label, scope) => {
    expect(registerUserStatusMatchers(scope)).toBe(false);
  });

  it('uses the global expect by default', () => {
    expect(registerUserStatusMatchers()).toBe(true);
    expect(() => expect({}).toMatchUserStatusContract()).toThrow(/\/id required/);
  });
});
