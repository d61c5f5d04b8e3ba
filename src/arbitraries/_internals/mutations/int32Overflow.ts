import fc from 'fast-check';
import { INT32_MAX, INT32_MIN } from '../../int32Bounds';
import type { Change, Mutation } from './Mutation';
import { setProperty } from './setProperty';

function int32OverflowChanges(): fc.Arbitrary<Change> {
  // Cross-shrinking lets a rare constant (2^53, 1e20) shrink to the plain range's first value.
  const above = fc.oneof(
    { withCrossShrink: true },
    fc.integer({ min: INT32_MAX + 1, max: Number.MAX_SAFE_INTEGER }),
    fc.constantFrom(2 ** 53, 1e20),
  );
  const below = fc.oneof(
    { withCrossShrink: true },
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: INT32_MIN - 1 }),
    fc.constantFrom(-(2 ** 53), -1e20),
  );
  return fc.oneof(
    above.map((value) =>
      setProperty(
        'devicesCount',
        value,
        'maximum',
        `devicesCount ${value} is above Int32's 2147483647`,
      ),
    ),
    below.map((value) =>
      setProperty(
        'devicesCount',
        value,
        'minimum',
        `devicesCount ${value} is below Int32's -2147483648`,
      ),
    ),
  );
}

/** A devicesCount outside Int32. */
export const int32Overflow: Mutation = {
  arbitrary: int32OverflowChanges,
  examples: [
    setProperty(
      'devicesCount',
      INT32_MAX + 1,
      'maximum',
      'devicesCount 2147483648 is Int32 max + 1',
    ),
    setProperty(
      'devicesCount',
      INT32_MIN - 1,
      'minimum',
      'devicesCount -2147483649 is Int32 min - 1',
    ),
    setProperty('devicesCount', 1e20, 'maximum', 'devicesCount 1e20 is far beyond Int32'),
  ],
};
