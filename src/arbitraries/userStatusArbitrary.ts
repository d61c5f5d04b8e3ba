import fc from 'fast-check';
import { USER_STATUS_ODATA_TYPE } from '../contracts/complianceStatuses';
import type { ComplianceStatus, DeviceComplianceUserStatus } from '../contracts/types.generated';
import { REQUIRED_ENTITY_PROPERTIES } from '../contracts/entityProperties';
import { userStatusPropertyArbitraries } from './_internals/userStatusPropertyArbitraries';
import { contractStringArbitrary } from './_internals/contractStringArbitrary';
import { createUserStatusRequestExamples } from './createUserStatusRequestArbitrary';
import { odataAnnotationsArbitrary } from './_internals/odataAnnotationsArbitrary';

/** Options of `userStatusArbitrary` and `userStatusExamples`. */
export interface UserStatusArbitraryOptions {
  /** Only this status. @defaultValue every status */
  readonly status?: ComplianceStatus;
  /** Whether the two names can be `null`. @defaultValue `true` */
  readonly nullableNames?: boolean;
  /**
   * Whether OData annotations (`@odata.type`, `@odata.context`, other keys containing `@`) are
   * sometimes added.
   * @defaultValue `true`
   */
  readonly annotations?: boolean;
}

const CONTEXT_URL =
  'https://graph.microsoft.com/v1.0/$metadata#deviceManagement/deviceCompliancePolicies/userStatuses/$entity';

const GRAPH_ID =
  'c72adc2c-dc2c-c72a-2cdc-2ac72cdc2ac7_0d5d2c1a-4f7e-4a38-9d51-3a9a54b0e7c1_8e3b8c39-2f1c-4a8e-a3f3-4b5e0a7c6d21';

/**
 * Every `deviceComplianceUserStatus` a server may return under the contract: all six properties,
 * with the same edge bias as the create bodies, an id that is any non-empty string (mostly Graph's
 * three GUIDs), and sometimes `@odata.type`, `@odata.context` and other OData annotations.
 */
export function userStatusArbitrary(
  options: UserStatusArbitraryOptions = {},
): fc.Arbitrary<DeviceComplianceUserStatus> {
  const nullable = options.nullableNames ?? true;
  const entity = fc.record(
    {
      '@odata.type': fc.constant(USER_STATUS_ODATA_TYPE),
      '@odata.context': fc.oneof(fc.constant(CONTEXT_URL), contractStringArbitrary()),
      ...userStatusPropertyArbitraries({ status: options.status, nullable }),
    },
    { requiredKeys: [...REQUIRED_ENTITY_PROPERTIES], noNullPrototype: true },
  );
  if (options.annotations === false) {
    return entity.map(({ '@odata.type': _type, '@odata.context': _context, ...plain }) => plain);
  }
  return fc
    .tuple(entity, odataAnnotationsArbitrary())
    .map(([status, annotations]) =>
      Object.keys(annotations).length === 0 ? status : { ...status, ...annotations },
    );
}

/** The canonical edge cases of `userStatusArbitrary` (same options), to be tried first. */
export function userStatusExamples(
  options: UserStatusArbitraryOptions = {},
): DeviceComplianceUserStatus[] {
  const bodies = createUserStatusRequestExamples({
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.nullableNames === undefined ? {} : { nullableNames: options.nullableNames }),
  });
  const entities: DeviceComplianceUserStatus[] = bodies.map(({ id: _id, ...body }) => ({
    ...body,
    id: GRAPH_ID,
  }));
  const [first] = entities;
  if (first !== undefined) {
    entities.push(
      ...['x', GRAPH_ID.toUpperCase(), '\u{1F600}', ' ', 'a'.repeat(65_536)].map((id) => ({
        ...first,
        id,
      })),
    );
    if (options.annotations !== false) {
      entities.push({
        ...first,
        '@odata.context': CONTEXT_URL,
        '@odata.etag': 'W/"JzEtVXNlclN0YXR1cyAyMDIwMDYxNDIwNTI1MiAn"',
        'status@odata.type': '#microsoft.graph.complianceStatus',
      });
    }
  }
  if (options.annotations === false) {
    return entities.map(({ '@odata.type': _type, '@odata.context': _context, ...plain }) => plain);
  }
  return entities;
}
