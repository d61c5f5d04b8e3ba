import { USER_STATUS_ODATA_TYPE } from '../../contracts/complianceStatuses';
import type {
  CreateUserStatusRequestGraphMetadata,
  DeviceComplianceUserStatus,
} from '../../contracts/types.generated';

/**
 * A stored entity with a validated update body applied: sent properties replace the stored ones
 * (a sent `null` clears a name), the id and anything else stay.
 */
export function applyUserStatusPatch(
  stored: DeviceComplianceUserStatus,
  patch: CreateUserStatusRequestGraphMetadata,
): DeviceComplianceUserStatus {
  return {
    '@odata.type': USER_STATUS_ODATA_TYPE,
    id: stored.id,
    userDisplayName:
      patch.userDisplayName === undefined ? stored.userDisplayName : patch.userDisplayName,
    devicesCount: patch.devicesCount ?? stored.devicesCount,
    status: patch.status ?? stored.status,
    lastReportedDateTime: patch.lastReportedDateTime ?? stored.lastReportedDateTime,
    userPrincipalName:
      patch.userPrincipalName === undefined ? stored.userPrincipalName : patch.userPrincipalName,
  };
}
