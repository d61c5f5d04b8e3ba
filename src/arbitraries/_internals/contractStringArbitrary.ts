import fc from 'fast-check';
import { EDGE_STRINGS } from './edgeStrings';

/** Options of `contractStringArbitrary`. */
export interface ContractStringArbitraryOptions {
  /**
   * The fewest characters (UTF-16 code units for the edge cases, units of the generator otherwise).
   * @defaultValue `0`
   */
  readonly minLength?: number;
}

/** How long a "very long" string gets, in repetitions of one character. */
const LONG_STRING_LENGTHS = { min: 1_000, max: 70_000 };

/**
 * Any string (without lone surrogates), biased toward the edges servers get wrong: empty, very long
 * (up to 70,000 characters, ASCII or astral), non-BMP, right-to-left, zero-width, control
 * characters. `minLength: 1` leaves out the empty string, for ids.
 */
export function contractStringArbitrary(
  options: ContractStringArbitraryOptions = {},
): fc.Arbitrary<string> {
  const minLength = options.minLength ?? 0;
  const edges = EDGE_STRINGS.filter((edge) => edge.length >= minLength);
  // Failures shrink toward the first branch: short ASCII strings.
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength, maxLength: 40 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: 24 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength, maxLength: 24 }) },
    { weight: 3, arbitrary: fc.constantFrom(...edges) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.integer(LONG_STRING_LENGTHS),
          fc.constantFrom('a', '\u00e9', '\u05e9', '\u{1F600}'),
        )
        .map(([length, unit]) => unit.repeat(length)),
    },
  );
}
