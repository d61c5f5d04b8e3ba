import { COMPLIANCE_STATUSES } from '../contracts/complianceStatuses';
import type { ComplianceStatus } from '../contracts/types.generated';

/** A trait that takes no argument: one per status value, and `anonymous` (null names). */
export type FactoryTrait = ComplianceStatus | 'anonymous';

/** Every argument-free trait of the factories, by name (the CLI's `--trait` choices). */
export const FACTORY_TRAITS: readonly FactoryTrait[] = Object.freeze([
  ...COMPLIANCE_STATUSES,
  'anonymous',
]);
