import fc from 'fast-check';
import { INT32_MAX, INT32_MIN } from '../../int32Bounds';
import type { Change, Mutation } from './Mutation';
import { setProperty } from './setProperty';

function floatChanges(): fc.Arbitrary<Change> {
  // Inside the Int32 range, so the only problem is the fraction.
  return fc
    .double({ min: INT32_MIN, max: INT32_MAX, noNaN: true, noInteger: true })
    .map((value) =>
      setProperty(
        'devicesCount',
        value,
        'type',
        `devicesCount ${value} has a fraction; Int32 is whole`,
      ),
    );
}

/** A devicesCount with a fraction. */
export const float: Mutation = {
  arbitrary: floatChanges,
  examples: [
    setProperty('devicesCount', 1.5, 'type', 'devicesCount 1.5 has a fraction'),
    setProperty('devicesCount', -0.1, 'type', 'devicesCount -0.1 has a fraction'),
  ],
};
