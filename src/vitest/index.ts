// The `./vitest` entry: the user status matchers for Vitest, typed on Vitest's own `expect`.
// Importing it registers them with the global `expect` when there is one (`globals: true`); without
// globals, pass them to Vitest's `expect.extend`. Vitest is never loaded from here: the types below
// only merge into Vitest's, so the entry loads without Vitest installed.
import { registerUserStatusMatchers } from '../jest/registerUserStatusMatchers';
import type {
  UserStatusAsymmetricMatchers,
  UserStatusJestMatchers,
} from '../jest/UserStatusJestMatchers';
// Brings Vitest's types into the program, so that the augmentation below has a module to merge
// into; type-only, so nothing is loaded at runtime.
import type {} from 'vitest';

export { userStatusMatchers } from '../jest/userStatusMatchers';
export type { ToBeValidCreateUserStatusRequestOptions } from '../jest/toBeValidCreateUserStatusRequest';
export type {
  UserStatusAsymmetricMatchers,
  UserStatusJestMatchers,
  UserStatusMatcherReturn,
} from '../jest/UserStatusJestMatchers';

registerUserStatusMatchers();

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any -- merges the matchers into Vitest's `expect(x)`, whose own parameter defaults to any
  interface Assertion<T = any> extends UserStatusJestMatchers<void, T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `expect.toMatchUserStatusContract()` and under `expect.not`
  interface AsymmetricMatchersContaining extends UserStatusAsymmetricMatchers<void> {}
}
