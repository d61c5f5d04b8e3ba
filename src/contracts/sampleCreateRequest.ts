import { USER_STATUS_ODATA_TYPE } from './complianceStatuses';
import type { CreateUserStatusRequest } from './types.generated';

/**
 * One realistic create body the contract accepts: the base the generators' canonical cases vary,
 * the body `serve` prints in its curl, and the fuzzer's probe.
 */
export const SAMPLE_CREATE_REQUEST: Readonly<CreateUserStatusRequest> = Object.freeze({
  '@odata.type': USER_STATUS_ODATA_TYPE,
  userDisplayName: 'Adele Vance',
  devicesCount: 1,
  status: 'compliant',
  lastReportedDateTime: '2020-06-14T20:52:52.8841394Z',
  userPrincipalName: 'adele.vance@contoso.onmicrosoft.com',
});
