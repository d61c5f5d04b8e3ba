import fc from 'fast-check';
import { int32Arbitrary } from '../../int32Arbitrary';
import type { Change, Mutation } from './Mutation';
import { setProperty } from './setProperty';

function numericStringChanges(): fc.Arbitrary<Change> {
  return fc
    .oneof(
      int32Arbitrary().map(String),
      fc.constantFrom('1e3', ' 3', '0x1F', '+1', '3.0', '\u0663'),
    )
    .map((value) =>
      setProperty(
        'devicesCount',
        value,
        'type',
        `devicesCount is the string ${JSON.stringify(value)}, not a JSON number`,
      ),
    );
}

/** A devicesCount written as a string. */
export const numericString: Mutation = {
  arbitrary: numericStringChanges,
  examples: [
    setProperty('devicesCount', '3', 'type', 'devicesCount is the string "3"'),
    setProperty('devicesCount', '2147483648', 'type', 'devicesCount is the string "2147483648"'),
  ],
};
