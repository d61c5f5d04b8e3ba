import fc from 'fast-check';
import { COMPLIANCE_STATUSES } from '../../../contracts/complianceStatuses';
import type { Change, Mutation } from './Mutation';
import { setProperty } from './setProperty';

const LOWER_CASE_STATUSES = new Set(COMPLIANCE_STATUSES.map((status) => status.toLowerCase()));

function unknownEnumValueChanges(): fc.Arbitrary<Change> {
  const known = fc.constantFrom(
    'unknownFutureValue',
    'pending',
    'inGracePeriod',
    'notEvaluated',
    'compliant ',
    ' compliant',
    '',
    'non-compliant',
    'non_compliant',
    'String',
  );
  const any = fc
    .string({ maxLength: 20 })
    .filter((value) => !LOWER_CASE_STATUSES.has(value.toLowerCase()));
  return fc
    .oneof(known, any)
    .map((value) =>
      setProperty(
        'status',
        value,
        'enum',
        `status ${JSON.stringify(value)} is not a complianceStatus value`,
      ),
    );
}

/** A status that is not a complianceStatus value. */
export const unknownEnumValue: Mutation = {
  arbitrary: unknownEnumValueChanges,
  examples: [
    setProperty(
      'status',
      'unknownFutureValue',
      'enum',
      'status "unknownFutureValue" exists only in beta',
    ),
    setProperty('status', 'String', 'enum', 'status is the documentation\'s placeholder "String"'),
    setProperty('status', '', 'enum', 'status is the empty string'),
  ],
};
