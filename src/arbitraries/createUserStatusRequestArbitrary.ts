import fc from 'fast-check';
import type { ContractValue } from '../contracts/ContractValue';
import type { RequestProfile } from '../contracts/registry';
import type { ComplianceStatus } from '../contracts/types.generated';
import { COMPLIANCE_STATUSES, USER_STATUS_ODATA_TYPE } from '../contracts/complianceStatuses';
import {
  REQUEST_PROPERTIES,
  REQUIRED_REQUEST_PROPERTIES,
  type RequestProperty,
} from '../contracts/requestProperties';
import { SAMPLE_CREATE_REQUEST } from '../contracts/sampleCreateRequest';
import { userStatusPropertyArbitraries } from './_internals/userStatusPropertyArbitraries';
import { DATE_TIME_OFFSET_EDGE_CASES } from './dateTimeOffsetArbitrary';
import { EDGE_STRINGS } from './_internals/edgeStrings';
import { INT32_EDGE_CASES } from './int32Arbitrary';

/** Options of `createUserStatusRequestArbitrary` and `createUserStatusRequestExamples`. */
export interface CreateUserStatusRequestArbitraryOptions<P extends RequestProfile = 'documented'> {
  /** Only this status. @defaultValue every status */
  readonly status?: ComplianceStatus;
  /** Whether the two names can be `null`. @defaultValue `true` */
  readonly nullableNames?: boolean;
  /**
   * The request profile the bodies satisfy: `documented` (five properties required) or
   * `graph-metadata` (every property optional, so `{}` too).
   * @defaultValue `'documented'`
   */
  readonly profile?: P;
}

const LONG_NAME = 'a'.repeat(65_536);

/**
 * Every create body the contract accepts, biased toward the edges: Int32 ends, each status, null
 * and empty names, very long, non-BMP, right-to-left and zero-width strings, years 0001 and 9999,
 * offsets -12:00 and +14:00, 0 to 12 fractional digits; `id` and `@odata.type` sometimes present.
 * @example
 * fc.assert(fc.property(createUserStatusRequestArbitrary(), (body) => ...), {
 *   examples: asPropertyExamples(createUserStatusRequestExamples()),
 * });
 */
export function createUserStatusRequestArbitrary<P extends RequestProfile = 'documented'>(
  options: CreateUserStatusRequestArbitraryOptions<P> = {},
): fc.Arbitrary<ContractValue<'request', P>> {
  const nullable = options.nullableNames ?? true;
  const byProperty: { readonly [K in RequestProperty]-?: fc.Arbitrary<unknown> } = {
    '@odata.type': fc.constant(USER_STATUS_ODATA_TYPE),
    ...userStatusPropertyArbitraries({ status: options.status, nullable }),
  };
  // The schema decides which properties there are, in which order, and which are required.
  const model = Object.fromEntries(REQUEST_PROPERTIES.map((name) => [name, byProperty[name]]));
  const requiredKeys =
    (options.profile ?? 'documented') === 'documented' ? [...REQUIRED_REQUEST_PROPERTIES] : [];
  return fc.record(model, { requiredKeys, noNullPrototype: true }) as fc.Arbitrary<
    ContractValue<'request', P>
  >;
}

/**
 * The canonical edge cases of `createUserStatusRequestArbitrary` (same options), to be tried before
 * random values: pass them as `examples` (one-element tuples) to `fc.assert` or `test.prop`.
 */
export function createUserStatusRequestExamples<P extends RequestProfile = 'documented'>(
  options: CreateUserStatusRequestArbitraryOptions<P> = {},
): ContractValue<'request', P>[] {
  const base = {
    ...SAMPLE_CREATE_REQUEST,
    status: options.status ?? SAMPLE_CREATE_REQUEST.status,
  };
  const { '@odata.type': _odataType, ...withoutODataType } = base;
  const variants: Record<string, unknown>[] = [
    base,
    withoutODataType,
    {
      ...base,
      id: '0d5d2c1a-4f7e-4a38-9d51-3a9a54b0e7c1_8e3b8c39-2f1c-4a8e-a3f3-4b5e0a7c6d21_5b1f0c7e-9a2d-4c3b-8e6f-1d2a3b4c5d6e',
    },
    ...INT32_EDGE_CASES.map((devicesCount) => ({ ...base, devicesCount })),
    ...(options.status === undefined ? COMPLIANCE_STATUSES : []).map((status) => ({
      ...base,
      status,
    })),
    ...[...EDGE_STRINGS, LONG_NAME].map((name) => ({
      ...base,
      userDisplayName: name,
      userPrincipalName: name,
    })),
    ...DATE_TIME_OFFSET_EDGE_CASES.map((lastReportedDateTime) => ({
      ...base,
      lastReportedDateTime,
    })),
  ];
  if (options.nullableNames ?? true) {
    variants.push({ ...base, userDisplayName: null, userPrincipalName: null });
  }
  if ((options.profile ?? 'documented') === 'graph-metadata') {
    variants.push({}, { status: base.status }, { '@odata.type': USER_STATUS_ODATA_TYPE });
  }
  return variants as unknown as ContractValue<'request', P>[];
}
