import type { DeviceComplianceUserStatus } from 'user-status-contracts';

/**
 * The app's storage: device compliance policies, each with its user statuses in creation order.
 * In memory for the example; a real server keeps them in its database.
 */
export class UserStatusStore {
  private readonly policies = new Map<string, Map<string, DeviceComplianceUserStatus>>();

  constructor(policyIds: Iterable<string>) {
    for (const policyId of policyIds) this.addPolicy(policyId);
  }

  /** Makes a policy exist, with no user statuses (an existing one is emptied). */
  addPolicy(policyId: string): void {
    this.policies.set(policyId, new Map());
  }

  /** Makes a policy not exist. */
  removePolicy(policyId: string): void {
    this.policies.delete(policyId);
  }

  hasPolicy(policyId: string): boolean {
    return this.policies.has(policyId);
  }

  /** The policy's statuses in creation order (empty for a policy that does not exist). */
  list(policyId: string): DeviceComplianceUserStatus[] {
    return [...(this.policies.get(policyId)?.values() ?? [])];
  }

  get(policyId: string, id: string): DeviceComplianceUserStatus | undefined {
    return this.policies.get(policyId)?.get(id);
  }

  /** Stores a status under an existing policy, replacing one with the same id. */
  put(policyId: string, status: DeviceComplianceUserStatus): void {
    this.policies.get(policyId)?.set(status.id, status);
  }

  /** Whether a status was there to delete. */
  delete(policyId: string, id: string): boolean {
    return this.policies.get(policyId)?.delete(id) ?? false;
  }
}
