import { readContractFile, CONTRACT_FILES } from './registry';
import type { ComplianceStatus } from './types.generated';

interface EntitySchemaShape {
  readonly $defs: { readonly complianceStatus: { readonly enum: readonly ComplianceStatus[] } };
}

/** The eight `complianceStatus` values, in the schema's order (read from `contracts/`). */
export const COMPLIANCE_STATUSES: readonly ComplianceStatus[] = Object.freeze([
  ...(readContractFile(CONTRACT_FILES.entity) as EntitySchemaShape).$defs.complianceStatus.enum,
]);

/** The entity's OData type name, as `@odata.type` states it. */
export const USER_STATUS_ODATA_TYPE = '#microsoft.graph.deviceComplianceUserStatus' as const;
