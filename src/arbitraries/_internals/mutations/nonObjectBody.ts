import fc from 'fast-check';
import { describeValue } from '../../../validator/describeValue';
import { jsonArray } from './jsonValues';
import { kindOf } from './kindOf';
import type { Body, Change, Mutation } from './Mutation';

function replaceBody(make: (base: Body) => unknown, description: string): Change {
  return { apply: make, path: '', rule: 'type', description };
}

function nonObjectBodyChanges(): fc.Arbitrary<Change> {
  return fc.oneof(
    fc.constant(replaceBody(() => null, 'the body is null, not an object')),
    fc.constant(replaceBody((base) => [base], 'the body is an array holding a valid body')),
    fc.constant(
      replaceBody(
        (base) => JSON.stringify(base),
        'the body is a valid body encoded twice (a JSON string)',
      ),
    ),
    fc
      .oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 12 }), jsonArray)
      .map((value) =>
        replaceBody(
          () => value,
          `the body is ${kindOf(value)} (${describeValue(value)}), not an object`,
        ),
      ),
  );
}

/** A body that is not an object. */
export const nonObjectBody: Mutation = {
  arbitrary: nonObjectBodyChanges,
  examples: [
    replaceBody(() => null, 'the body is null'),
    replaceBody((base) => [base], 'the body is an array holding a valid body'),
    replaceBody((base) => JSON.stringify(base), 'the body is a valid body encoded twice'),
    replaceBody(() => 42, 'the body is a number'),
    replaceBody(() => 'compliant', 'the body is a string'),
    replaceBody(() => true, 'the body is a boolean'),
  ],
};
