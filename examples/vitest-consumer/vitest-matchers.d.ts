// Types for the asymmetric forms under Vitest (`expect.toMatchUserStatusContract()`): copy this file
// into your project (any .d.ts that tsconfig includes). `expect(x).toMatchUserStatusContract()` needs
// nothing more: Vitest's assertions extend `jest.Matchers`, which `user-status-contracts/jest` augments.
import type { UserStatusAsymmetricMatchers } from 'user-status-contracts/jest';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the matchers into Vitest's
  interface AsymmetricMatchersContaining extends UserStatusAsymmetricMatchers<void> {}
}
