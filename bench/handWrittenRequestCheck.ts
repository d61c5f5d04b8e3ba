import { isDateTimeOffset } from '../src/validator/isDateTimeOffset';

const STATUSES = new Set<unknown>([
  'unknown',
  'notApplicable',
  'compliant',
  'remediated',
  'nonCompliant',
  'error',
  'conflict',
  'notAssigned',
]);

const ODATA_TYPE = '#microsoft.graph.deviceComplianceUserStatus';
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * The baseline the validator is measured against: a careful hand-written check of the create body
 * (`documented` profile), the same rules as the schema, with the same exact date-time check a careful
 * author would write. It answers yes or no only, as `check` does.
 */
export function handWrittenRequestCheck(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const body = value as Record<string, unknown>;
  let known = 5;
  if (body['id'] !== undefined) {
    const id = body['id'];
    if (typeof id !== 'string' || id.length === 0) return false;
    known++;
  }
  if (body['@odata.type'] !== undefined) {
    if (body['@odata.type'] !== ODATA_TYPE) return false;
    known++;
  }
  const displayName = body['userDisplayName'];
  if (displayName === undefined || (displayName !== null && typeof displayName !== 'string')) {
    return false;
  }
  const principalName = body['userPrincipalName'];
  if (
    principalName === undefined ||
    (principalName !== null && typeof principalName !== 'string')
  ) {
    return false;
  }
  const count = body['devicesCount'];
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < INT32_MIN ||
    count > INT32_MAX
  ) {
    return false;
  }
  if (!STATUSES.has(body['status'])) return false;
  const reported = body['lastReportedDateTime'];
  if (typeof reported !== 'string' || !isDateTimeOffset(reported)) return false;
  // Every present key was one of the known ones only if the counts agree.
  let keys = 0;
  for (const key in body) {
    if (!Object.prototype.hasOwnProperty.call(body, key)) continue;
    keys++;
  }
  return keys === known;
}
