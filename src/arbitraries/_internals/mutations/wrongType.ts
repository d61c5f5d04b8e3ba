import fc from 'fast-check';
import {
  REQUEST_PROPERTIES,
  REQUEST_PROPERTY_TYPES,
  type RequestProperty,
} from '../../../contracts/requestProperties';
import { describeValue } from '../../../validator/describeValue';
import { jsonArray, jsonObject, notStringOrNull } from './jsonValues';
import { kindOf } from './kindOf';
import type { Change, Mutation } from './Mutation';
import { setProperty } from './setProperty';

/** Per JSON type the schema allows: values of another type (null is its own class). */
const WRONG_TYPES_BY_ALLOWED: Readonly<
  Record<string, { expected: string; values: fc.Arbitrary<unknown> }>
> = {
  'string,null': { expected: 'a string or null', values: notStringOrNull },
  string: { expected: 'a string', values: notStringOrNull },
  integer: {
    expected: 'an integer',
    values: fc.oneof(
      fc.boolean(),
      jsonObject,
      jsonArray,
      // Non-numeric strings; numeric ones are the `numericString` class. "Integer" is what the
      // documentation's example body sends.
      fc.constantFrom('Integer', 'many', '', 'one'),
    ),
  },
};

/** Types of a property as a key of `WRONG_TYPES_BY_ALLOWED` (`[]`, a `const`, has none). */
const allowedKey = (property: RequestProperty): string =>
  REQUEST_PROPERTY_TYPES[property].join(',');

/**
 * Per property of the schema that has a JSON type: values of a type the contract forbids there,
 * grouped by the types allowed (names, then strings, then integers), in schema order within a group.
 */
const WRONG_TYPES: ReadonlyArray<
  readonly [RequestProperty, { expected: string; values: fc.Arbitrary<unknown> }]
> = Object.entries(WRONG_TYPES_BY_ALLOWED).flatMap(([allowed, wrong]) =>
  REQUEST_PROPERTIES.filter((property) => allowedKey(property) === allowed).map(
    (property) => [property, wrong] as const,
  ),
);
for (const property of REQUEST_PROPERTIES) {
  if (allowedKey(property) !== '' && !(allowedKey(property) in WRONG_TYPES_BY_ALLOWED)) {
    throw new Error(`no wrong-type values for ${property}, typed ${allowedKey(property)}`);
  }
}

function wrongTypeChanges(): fc.Arbitrary<Change> {
  return fc.oneof(
    ...WRONG_TYPES.map(([property, { expected, values }]) =>
      values.map((value) =>
        setProperty(
          property,
          value,
          'type',
          `${property} is ${kindOf(value)} (${describeValue(value)}), not ${expected}`,
        ),
      ),
    ),
  );
}

/** A JSON type the contract forbids at a property. */
export const wrongType: Mutation = {
  arbitrary: wrongTypeChanges,
  examples: [
    setProperty(
      'userDisplayName',
      42,
      'type',
      'userDisplayName is a number (42), not a string or null',
    ),
    setProperty(
      'userPrincipalName',
      ['a@b'],
      'type',
      'userPrincipalName is an array, not a string or null',
    ),
    setProperty(
      'devicesCount',
      'Integer',
      'type',
      'devicesCount is the placeholder string "Integer"',
    ),
    setProperty('devicesCount', true, 'type', 'devicesCount is a boolean, not an integer'),
    setProperty('status', 2, 'type', 'status is a number (2), not a string'),
    setProperty(
      'lastReportedDateTime',
      1592167972000,
      'type',
      'lastReportedDateTime is epoch milliseconds, not a string',
    ),
    setProperty('id', 7, 'type', 'id is a number (7), not a string'),
  ],
};
