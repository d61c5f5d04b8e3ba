import { userStatusesPath } from '../../contracts/userStatusesPath';

/**
 * The `@odata.nextLink` of a page of a policy's statuses: an absolute URL to the same collection,
 * under the version prefix the client used, with the client's `$top` (when it sent one) and the
 * opaque `$skiptoken` that resumes after the page:
 * `{origin}[/v1.0|/beta]/deviceManagement/deviceCompliancePolicies/{policyId}/userStatuses?[$top={n}&]$skiptoken={token}`.
 */
export function nextPageLink(
  origin: string,
  at: { readonly version: 'v1.0' | 'beta' | undefined; readonly policyId: string },
  top: number | undefined,
  after: number,
): string {
  const version = at.version === undefined ? '' : `/${at.version}`;
  const query = `${top === undefined ? '' : `$top=${top}&`}$skiptoken=${after}`;
  return `${origin}${version}${userStatusesPath(at.policyId)}?${query}`;
}
