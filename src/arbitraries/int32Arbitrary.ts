import fc from 'fast-check';
import { INT32_MAX, INT32_MIN } from './int32Bounds';

/** The Int32 values most likely to break a server: both ends, their neighbours, 0 and -1. */
export const INT32_EDGE_CASES: readonly number[] = Object.freeze([
  INT32_MIN,
  INT32_MAX,
  0,
  -1,
  1,
  INT32_MIN + 1,
  INT32_MAX - 1,
]);

/** Any Graph `Int32`, biased toward the edges and toward realistic small counts. */
export function int32Arbitrary(): fc.Arbitrary<number> {
  // Failures shrink toward the first branch: small realistic counts, down to 0.
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 12 }) },
    { weight: 2, arbitrary: fc.constantFrom(...INT32_EDGE_CASES) },
    { weight: 3, arbitrary: fc.integer({ min: INT32_MIN, max: INT32_MAX }) },
  );
}
