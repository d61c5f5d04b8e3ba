import type { ContractName, RequestProfile } from './registry';
import type {
  CreateUserStatusRequest,
  CreateUserStatusRequestGraphMetadata,
  DeviceComplianceUserStatus,
  ODataError,
} from './types.generated';

/** The TypeScript type a contract (and request profile) describes, derived from `contracts/`. */
export type ContractValue<
  C extends ContractName,
  P extends RequestProfile = 'documented',
> = C extends 'entity'
  ? DeviceComplianceUserStatus
  : C extends 'error'
    ? ODataError
    : P extends 'graph-metadata'
      ? CreateUserStatusRequestGraphMetadata
      : CreateUserStatusRequest;
