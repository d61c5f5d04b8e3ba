/**
 * The provider state in which a device compliance policy exists: its `policyId` param names the
 * policy, and the request path takes the id from the state (`fromProviderState`), so a provider
 * can answer with the id of a policy it really has.
 */
export const POLICY_EXISTS = 'a device compliance policy exists';

/** Parameters of `POLICY_EXISTS`. */
export interface PolicyExistsParams {
  /** The id of a device compliance policy that exists on the provider. */
  readonly policyId: string;
}

/**
 * The provider state in which no device compliance policy has the id in `missingPolicyId`. The
 * param is deliberately not called `policyId`: handlers that make `policyId` exist must leave it be.
 */
export const POLICY_MISSING = 'no device compliance policy has the requested id';

/** Parameters of `POLICY_MISSING`. */
export interface PolicyMissingParams {
  /** An id no device compliance policy on the provider has. */
  readonly missingPolicyId: string;
}

/** Every provider state the create interactions use, in a stable order. */
export const PROVIDER_STATES: readonly string[] = [POLICY_EXISTS, POLICY_MISSING];

/** The policy id the interactions record for `POLICY_EXISTS` (providers replace it). */
export const EXAMPLE_POLICY_ID = '5f2b7c1e-8d4a-4c3b-9e6f-1a2b3c4d5e6f';

/** The policy id the interactions record for `POLICY_MISSING` (the nil GUID, which no policy has). */
export const EXAMPLE_MISSING_POLICY_ID = '00000000-0000-0000-0000-000000000000';
