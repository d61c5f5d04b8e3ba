import fc from 'fast-check';
import { USER_STATUS_ODATA_TYPE } from '../../../contracts/complianceStatuses';
import { describeValue } from '../../../validator/describeValue';
import { jsonObject } from './jsonValues';
import type { Change, Mutation } from './Mutation';
import { setProperty } from './setProperty';

function wrongODataTypeChanges(): fc.Arbitrary<Change> {
  const near = fc.constantFrom(
    '#microsoft.graph.devicecomplianceuserstatus',
    'microsoft.graph.deviceComplianceUserStatus',
    '#microsoft.graph.deviceComplianceDeviceStatus',
    '#microsoft.graph.user',
    '#Microsoft.Graph.DeviceComplianceUserStatus',
    `${USER_STATUS_ODATA_TYPE} `,
    '',
  );
  const any = fc.string({ maxLength: 30 }).filter((value) => value !== USER_STATUS_ODATA_TYPE);
  const notString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), jsonObject);
  return fc
    .oneof(near, any, notString)
    .map((value) =>
      setProperty(
        '@odata.type',
        value,
        'const',
        `@odata.type is ${describeValue(value)}, not "${USER_STATUS_ODATA_TYPE}"`,
      ),
    );
}

/** An @odata.type that does not name the entity. */
export const wrongODataType: Mutation = {
  arbitrary: wrongODataTypeChanges,
  examples: [
    setProperty(
      '@odata.type',
      '#microsoft.graph.devicecomplianceuserstatus',
      'const',
      '@odata.type in the wrong case',
    ),
    setProperty(
      '@odata.type',
      'microsoft.graph.deviceComplianceUserStatus',
      'const',
      '@odata.type without the leading #',
    ),
    setProperty('@odata.type', null, 'const', '@odata.type is null'),
  ],
};
