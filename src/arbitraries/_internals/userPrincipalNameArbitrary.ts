import fc from 'fast-check';
import { contractStringArbitrary } from './contractStringArbitrary';

/** Options of `userPrincipalNameArbitrary`. */
export interface UserPrincipalNameArbitraryOptions {
  /** Whether `null` (a user without a principal name) is generated. @defaultValue `true` */
  readonly nullable?: boolean;
}

/**
 * A `userPrincipalName`: the contract allows any string, so besides e-mail-shaped names (including
 * the odd corners of RFC 5322) it produces every edge string, and `null`.
 */
export function userPrincipalNameArbitrary(
  options: UserPrincipalNameArbitraryOptions = {},
): fc.Arbitrary<string | null> {
  const names = fc.oneof(
    { weight: 2, arbitrary: fc.emailAddress() },
    { weight: 3, arbitrary: contractStringArbitrary() },
  );
  if (options.nullable === false) return names;
  return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: names });
}
