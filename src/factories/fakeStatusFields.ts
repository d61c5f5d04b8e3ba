import type { Faker } from '@faker-js/faker';
import type { CreateUserStatusRequest } from '../contracts/types.generated';
import { formatGraphDateTime } from './formatGraphDateTime';
import { REFERENCE_DATE } from './referenceDate';

/** The five fields a client sends and a server returns, in Graph's property order. */
export type StatusFields = Pick<
  CreateUserStatusRequest,
  'userDisplayName' | 'devicesCount' | 'status' | 'lastReportedDateTime' | 'userPrincipalName'
>;

const PLAIN_NAME = /^[A-Za-z]+$/;
const REFERENCE_MS = Date.parse(REFERENCE_DATE);
const TICKS_PER_MS = 10_000;
const WINDOW_TICKS = 30 * 24 * 60 * 60 * 1000 * TICKS_PER_MS;

// Most users are compliant; the rest spread over the other seven values.
const STATUS_WEIGHTS = [
  { weight: 62, value: 'compliant' },
  { weight: 14, value: 'nonCompliant' },
  { weight: 5, value: 'notApplicable' },
  { weight: 5, value: 'unknown' },
  { weight: 4, value: 'remediated' },
  { weight: 4, value: 'notAssigned' },
  { weight: 3, value: 'error' },
  { weight: 3, value: 'conflict' },
] as const;

// Mostly 0-5 devices, a long tail for shared or lab accounts.
const DEVICE_COUNT_WEIGHTS = [
  { weight: 8, value: 0 },
  { weight: 38, value: 1 },
  { weight: 24, value: 2 },
  { weight: 12, value: 3 },
  { weight: 7, value: 4 },
  { weight: 5, value: 5 },
  { weight: 3, value: 6 },
  { weight: 2, value: 8 },
  { weight: 1, value: 12 },
] as const;

/**
 * Realistic values for one user status: a display name and the matching
 * `first.last@<tenant>.onmicrosoft.com`, a device count, a status weighted toward `compliant`, and
 * a report time in the 30 days before `REFERENCE_DATE`, written as Graph writes it.
 */
export function fakeStatusFields(faker: Faker, tenant: string): StatusFields {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const ticksBefore = faker.number.int({ min: 1, max: WINDOW_TICKS });
  const subMillisecond = ticksBefore % TICKS_PER_MS;
  const millisecondsBefore = (ticksBefore - subMillisecond) / TICKS_PER_MS;
  const reported = new Date(REFERENCE_MS - millisecondsBefore - (subMillisecond > 0 ? 1 : 0));
  return {
    userDisplayName: `${firstName} ${lastName}`,
    devicesCount: faker.helpers.weightedArrayElement(DEVICE_COUNT_WEIGHTS),
    status: faker.helpers.weightedArrayElement(STATUS_WEIGHTS),
    lastReportedDateTime: formatGraphDateTime(
      reported,
      subMillisecond > 0 ? TICKS_PER_MS - subMillisecond : 0,
    ),
    userPrincipalName: `${mailSafe(firstName)}.${mailSafe(lastName)}@${tenant}.onmicrosoft.com`,
  };
}

/** `O'Keefe` -> `okeefe`, `Zoë` -> `zoe`: what a directory's default UPN would hold. */
function mailSafe(name: string): string {
  if (PLAIN_NAME.test(name)) return name.toLowerCase();
  return name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}
