import fc from 'fast-check';
import { REQUEST_PROPERTIES } from '../../../contracts/requestProperties';
import { SAMPLE_CREATE_REQUEST } from '../../../contracts/sampleCreateRequest';
import type { Change, Mutation } from './Mutation';
import { setProperty } from './setProperty';

const ALLOWED_PROPERTIES = new Set<string>(REQUEST_PROPERTIES);

function unknownPropertyChanges(): fc.Arbitrary<Change> {
  const realistic = fc.constantFrom(
    'UserDisplayName',
    'devicescount',
    'Status',
    'ID',
    'displayName',
    'email',
    'userId',
    'deviceCompliancePolicyId',
    '@odata.context',
    '@odata.etag',
    'status@odata.type',
    'constructor',
    '',
  );
  const any = fc
    .string({ maxLength: 20 })
    .filter((name) => !ALLOWED_PROPERTIES.has(name) && name !== '__proto__');
  const value = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  return fc
    .tuple(fc.oneof(realistic, any), value)
    .map(([name, extra]) =>
      setProperty(
        name,
        extra,
        'additionalProperties',
        `the body has the unknown property ${JSON.stringify(name)}; the contract allows no other`,
      ),
    );
}

/** A property the contract does not allow. */
export const unknownProperty: Mutation = {
  arbitrary: unknownPropertyChanges,
  examples: [
    setProperty(
      'UserDisplayName',
      SAMPLE_CREATE_REQUEST.userDisplayName,
      'additionalProperties',
      'the property name has the wrong case',
    ),
    setProperty(
      '@odata.context',
      'https://graph.microsoft.com/v1.0/$metadata#x',
      'additionalProperties',
      'a request may not carry @odata.context',
    ),
    setProperty('extra', true, 'additionalProperties', 'the body has an unknown property "extra"'),
  ],
};
