/** Where a request target points, if it is one of the provider's resources. */
export type Route =
  | {
      /** The user status collection of a policy, or one status in it. */
      readonly kind: 'collection' | 'item';
      /** `v1.0` or `beta` as the client sent it, or `undefined` without a version prefix. */
      readonly version: 'v1.0' | 'beta' | undefined;
      /** The policy id, percent-decoded. */
      readonly policyId: string;
      /** The status id (for `item`), percent-decoded. */
      readonly statusId: string;
    }
  | { readonly kind: 'providerStates' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'badEncoding' };

/** A route to the user statuses: the collection of a policy, or one status in it. */
export type ResourceRoute = Extract<Route, { kind: 'collection' | 'item' }>;

/** The path of the Pact provider-state route (served only when enabled). */
export const PROVIDER_STATES_PATH = '/_pact/provider-states';

const UNKNOWN: Route = { kind: 'unknown' };

/**
 * Matches a request target (`/v1.0/deviceManagement/deviceCompliancePolicies/{id}/userStatuses`,
 * with or without a version prefix, `/{statusId}` for one status). Literal segments compare without
 * case, as OData paths do; the query string is ignored.
 */
export function matchRoute(target: string): Route {
  const queryAt = target.indexOf('?');
  let path = queryAt === -1 ? target : target.slice(0, queryAt);
  if (path === PROVIDER_STATES_PATH) return { kind: 'providerStates' };
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const segments = path.split('/');
  if (segments[0] !== '') return UNKNOWN;
  let at = 1;
  let version: 'v1.0' | 'beta' | undefined;
  const first = segments[1] ?? '';
  if (isSegment(first, 'v1.0', 'v1.0')) {
    version = 'v1.0';
    at = 2;
  } else if (isSegment(first, 'beta', 'beta')) {
    version = 'beta';
    at = 2;
  }
  const rest = segments.length - at;
  if (
    (rest !== 4 && rest !== 5) ||
    !isSegment(segments[at], 'deviceManagement', 'devicemanagement') ||
    !isSegment(segments[at + 1], 'deviceCompliancePolicies', 'devicecompliancepolicies') ||
    !isSegment(segments[at + 3], 'userStatuses', 'userstatuses')
  ) {
    return UNKNOWN;
  }
  const policyId = decode(segments[at + 2] ?? '');
  const statusId = rest === 5 ? decode(segments[at + 4] ?? '') : '';
  if (policyId === undefined || statusId === undefined) return { kind: 'badEncoding' };
  if (policyId === '' || (rest === 5 && statusId === '')) return UNKNOWN;
  return { kind: rest === 5 ? 'item' : 'collection', version, policyId, statusId };
}

/** Whether a path segment is a literal, in any case (the usual spelling is checked first, for speed). */
function isSegment(segment: string | undefined, spelling: string, lowerCase: string): boolean {
  return segment === spelling || segment?.toLowerCase() === lowerCase;
}

function decode(segment: string): string | undefined {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
