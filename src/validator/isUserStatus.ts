import type { DeviceComplianceUserStatus } from '../contracts/types.generated';
import { check } from './check';

/** Whether a value is a valid `deviceComplianceUserStatus` as a server returns it. */
export function isUserStatus(value: unknown): value is DeviceComplianceUserStatus {
  return check('entity', value);
}
