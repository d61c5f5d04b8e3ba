import { USER_STATUS_ODATA_TYPE } from '../../contracts/complianceStatuses';
import type {
  CreateUserStatusRequestGraphMetadata,
  DeviceComplianceUserStatus,
} from '../../contracts/types.generated';

/**
 * What Graph stores for a property a create body leaves out (the `graph-metadata` profile allows
 * that): the CLR defaults of the entity's types, as Graph's OData layer writes them.
 */
export const GRAPH_PROPERTY_DEFAULTS = {
  userDisplayName: null,
  devicesCount: 0,
  status: 'unknown',
  lastReportedDateTime: '0001-01-01T00:00:00Z',
  userPrincipalName: null,
} as const satisfies Omit<DeviceComplianceUserStatus, 'id'>;

/**
 * The stored entity for a validated create body and a server-assigned id. It is built from the
 * known properties only (never by spreading the body), so no other key, `__proto__` included, can
 * reach the store; every sent value is kept exactly as sent, and a missing one gets Graph's default.
 */
export function toUserStatus(
  id: string,
  body: CreateUserStatusRequestGraphMetadata,
): DeviceComplianceUserStatus {
  return {
    '@odata.type': USER_STATUS_ODATA_TYPE,
    id,
    userDisplayName:
      body.userDisplayName === undefined
        ? GRAPH_PROPERTY_DEFAULTS.userDisplayName
        : body.userDisplayName,
    devicesCount: body.devicesCount ?? GRAPH_PROPERTY_DEFAULTS.devicesCount,
    status: body.status ?? GRAPH_PROPERTY_DEFAULTS.status,
    lastReportedDateTime: body.lastReportedDateTime ?? GRAPH_PROPERTY_DEFAULTS.lastReportedDateTime,
    userPrincipalName:
      body.userPrincipalName === undefined
        ? GRAPH_PROPERTY_DEFAULTS.userPrincipalName
        : body.userPrincipalName,
  };
}
