import fc from 'fast-check';
import type { ComplianceStatus } from '../../contracts/types.generated';
import { complianceStatusArbitrary } from '../complianceStatusArbitrary';
import { dateTimeOffsetArbitrary } from '../dateTimeOffsetArbitrary';
import { int32Arbitrary } from '../int32Arbitrary';
import { statusIdArbitrary } from './statusIdArbitrary';
import { userNameArbitrary } from './userNameArbitrary';
import { userPrincipalNameArbitrary } from './userPrincipalNameArbitrary';

/**
 * The arbitrary of each property a create body and a returned status share, in the schemas' order:
 * the one per-property model of the request and entity generators.
 */
export function userStatusPropertyArbitraries(options: {
  readonly status: ComplianceStatus | undefined;
  readonly nullable: boolean;
}) {
  const { nullable } = options;
  return {
    id: statusIdArbitrary(),
    userDisplayName: userNameArbitrary({ nullable }),
    devicesCount: int32Arbitrary(),
    status:
      options.status === undefined ? complianceStatusArbitrary() : fc.constant(options.status),
    lastReportedDateTime: dateTimeOffsetArbitrary(),
    userPrincipalName: userPrincipalNameArbitrary({ nullable }),
  };
}
