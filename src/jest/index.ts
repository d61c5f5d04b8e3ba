// The `./jest` entry: Jest (and Vitest) matchers for the user status contracts. Importing it
// registers them with the global `expect`, when there is one.
import { registerUserStatusMatchers } from './registerUserStatusMatchers';
import type {
  UserStatusAsymmetricMatchers,
  UserStatusJestMatchers,
} from './UserStatusJestMatchers';
// Brings the `expect` package's types into the program, so that the augmentation below has a module
// to merge into; type-only, so nothing is loaded at runtime.
import type {} from 'expect';

export { userStatusMatchers } from './userStatusMatchers';
export type { ToBeValidCreateUserStatusRequestOptions } from './toBeValidCreateUserStatusRequest';
export type { ClientBehaviourOptions, ConsumerOutcome } from '../faults/judgeClientBehaviour';
export type {
  UserStatusAsymmetricMatchers,
  UserStatusJestMatchers,
  UserStatusMatcherReturn,
} from './UserStatusJestMatchers';
export type { UserStatusMatcherContext, UserStatusMatcherResult } from './UserStatusMatcherContext';

registerUserStatusMatchers();

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Jest's global types live in this namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the matchers into Jest's
    interface Matchers<R, T = {}> extends UserStatusJestMatchers<R, T> {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any -- `expect.toMatchUserStatusContract()`; Jest's own asymmetric matchers return any
    interface Expect extends UserStatusAsymmetricMatchers<any> {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any -- `expect.not.toMatchUserStatusContract()`
    interface InverseAsymmetricMatchers extends UserStatusAsymmetricMatchers<any> {}
  }
}

// For `expect` imported from `@jest/globals`, whose matchers are the `expect` package's.
declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the matchers into expect's
  interface Matchers<R extends void | Promise<void>, T = unknown> extends UserStatusJestMatchers<
    R,
    T
  > {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `expect.toMatchUserStatusContract()` and under `expect.not`
  interface AsymmetricMatchers extends UserStatusAsymmetricMatchers<void> {}
}
