import fc from 'fast-check';
import { COMPLIANCE_STATUSES } from '../contracts/complianceStatuses';
import type { ComplianceStatus } from '../contracts/types.generated';

/** One of the eight `complianceStatus` values, each equally likely. */
export function complianceStatusArbitrary(): fc.Arbitrary<ComplianceStatus> {
  return fc.constantFrom(...COMPLIANCE_STATUSES);
}
