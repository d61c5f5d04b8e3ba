/**
 * The path of a policy's user statuses, the collection a create posts to
 * (`/deviceManagement/deviceCompliancePolicies/{id}/userStatuses`), the policy id URL-encoded.
 * @example
 * `${baseUrl}${userStatusesPath('p1')}/${encodeURIComponent(statusId)}`
 */
export function userStatusesPath(policyId: string): string {
  return `/deviceManagement/deviceCompliancePolicies/${encodeURIComponent(policyId)}/userStatuses`;
}
