import fc from 'fast-check';
import {
  REQUEST_PROPERTIES,
  REQUEST_PROPERTY_TYPES,
  REQUIRED_REQUEST_PROPERTIES,
  type RequestProperty,
} from '../../../contracts/requestProperties';
import type { Change, Mutation } from './Mutation';
import { setProperty } from './setProperty';

/** The typed properties that may not be null: the required ones first, as the schema lists them. */
const NON_NULLABLE: readonly RequestProperty[] = [
  ...REQUIRED_REQUEST_PROPERTIES,
  ...REQUEST_PROPERTIES.filter((property) => !REQUIRED_REQUEST_PROPERTIES.includes(property)),
].filter((property) => {
  const types = REQUEST_PROPERTY_TYPES[property];
  return types.length > 0 && !types.includes('null');
});

/** Sets the property to null, saying only the names may be. */
function withNull(property: RequestProperty): Change {
  return setProperty(property, null, 'type', `${property} is null, which only the names may be`);
}

function nullForNonNullableChanges(): fc.Arbitrary<Change> {
  return fc.constantFrom(...NON_NULLABLE).map(withNull);
}

/** `null` where only the names may be null. */
export const nullForNonNullable: Mutation = {
  arbitrary: nullForNonNullableChanges,
  examples: NON_NULLABLE.map(withNull),
};
