import fc from 'fast-check';
import { contractStringArbitrary } from './contractStringArbitrary';

/** Options of `userNameArbitrary`. */
export interface UserNameArbitraryOptions {
  /** Whether `null` (a user without a name) is generated. @defaultValue `true` */
  readonly nullable?: boolean;
}

const REALISTIC_NAMES = ['Adele Vance', 'Megan Bowen', 'Alex Wilber', 'Lee Gu', 'Nestor Wilke'];

/** A `userDisplayName`: realistic names, any string with edge-case bias, and `null`. */
export function userNameArbitrary(
  options: UserNameArbitraryOptions = {},
): fc.Arbitrary<string | null> {
  const names = fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...REALISTIC_NAMES) },
    { weight: 4, arbitrary: contractStringArbitrary() },
  );
  if (options.nullable === false) return names;
  return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: names });
}
