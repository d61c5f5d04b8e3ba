import fc from 'fast-check';
import { REQUIRED_REQUEST_PROPERTIES } from '../../../contracts/requestProperties';
import { appendToPointer } from '../../../validator/jsonPointer';
import type { Change, Mutation } from './Mutation';

function removeProperty(property: string): Change {
  return {
    apply: (base) => {
      const rest: Record<string, unknown> = { ...base };
      delete rest[property];
      return rest;
    },
    path: appendToPointer('', property),
    rule: 'required',
    description: `the required property ${property} is missing`,
  };
}

function missingRequiredChanges(): fc.Arbitrary<Change> {
  return fc.constantFrom(...REQUIRED_REQUEST_PROPERTIES).map(removeProperty);
}

/** A required property left out. */
export const missingRequired: Mutation = {
  arbitrary: missingRequiredChanges,
  examples: REQUIRED_REQUEST_PROPERTIES.map(removeProperty),
};
