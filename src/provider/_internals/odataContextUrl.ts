const GRAPH_SERVICE_ROOT = 'https://graph.microsoft.com';

/**
 * The `@odata.context` of an answer about a policy's user statuses, as Graph writes it: against
 * Graph's own service root (clients parse it, they do not fetch it), for the collection or for
 * one entity (`/$entity`).
 */
export function odataContextUrl(
  version: 'v1.0' | 'beta' | undefined,
  policyId: string,
  target: 'collection' | 'entity',
): string {
  // OData key literals double an embedded single quote.
  const key = policyId.includes("'") ? policyId.replace(/'/g, "''") : policyId;
  return (
    `${GRAPH_SERVICE_ROOT}/${version ?? 'v1.0'}/$metadata#deviceManagement/deviceCompliancePolicies('${key}')/userStatuses` +
    (target === 'entity' ? '/$entity' : '')
  );
}
