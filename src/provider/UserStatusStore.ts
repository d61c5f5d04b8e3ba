import type { DeviceComplianceUserStatus } from '../contracts/types.generated';
import { UsageError } from '../errors';
import { DEFAULT_STORE_CAPACITY } from './defaults';

/** One stored status, and whether it is still stored (the eviction queue keeps removed ones). */
interface Slot {
  readonly policyId: string;
  status: DeviceComplianceUserStatus;
  stored: boolean;
}

// The eviction queue is compacted once this many removed slots sit at its front.
const COMPACT_AFTER = 1024;

/**
 * The reference provider's in-memory user statuses, per policy, in creation order. Bounded: once
 * `capacity` statuses are stored (over all policies), adding one evicts the oldest, so a long fuzz
 * run cannot exhaust memory. An update keeps a status's place; a delete frees it.
 */
export class UserStatusStore {
  /** How many statuses are kept before the oldest is evicted. */
  readonly capacity: number;
  private readonly byPolicy = new Map<string, Map<string, Slot>>();
  // Creation order for eviction, as an array with a moving head: a Map would do, but V8 leaves
  // deleted entries in place until it rehashes, so taking the oldest of a Map whose front is
  // always being deleted walks thousands of holes per eviction.
  private queue: Slot[] = [];
  private head = 0;
  private count = 0;
  private evictedCount = 0;

  /**
   * @param capacity - How many statuses to keep, at least 1.
   * @throws UsageError unless `capacity` is a positive safe integer.
   */
  constructor(capacity: number = DEFAULT_STORE_CAPACITY) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new UsageError(
        `the store capacity must be a positive integer, not ${String(capacity)}`,
      );
    }
    this.capacity = capacity;
  }

  /** How many statuses are stored, over all policies. */
  get size(): number {
    return this.count;
  }

  /** How many statuses have been evicted to respect the capacity since the store was created. */
  get evicted(): number {
    return this.evictedCount;
  }

  /** Stores a new status under a policy (replacing one with the same id), evicting the oldest if full. */
  add(policyId: string, status: DeviceComplianceUserStatus): void {
    const existing = this.byPolicy.get(policyId)?.get(status.id);
    if (existing !== undefined) {
      existing.status = status;
      return;
    }
    while (this.count >= this.capacity) this.evictOldest();
    // Looked up after evicting: an eviction may have removed this policy's (emptied) map.
    let statuses = this.byPolicy.get(policyId);
    if (statuses === undefined) {
      statuses = new Map();
      this.byPolicy.set(policyId, statuses);
    }
    const slot: Slot = { policyId, status, stored: true };
    statuses.set(status.id, slot);
    this.queue.push(slot);
    this.count++;
  }

  /** The status with this id under this policy, if stored. */
  get(policyId: string, id: string): DeviceComplianceUserStatus | undefined {
    return this.byPolicy.get(policyId)?.get(id)?.status;
  }

  /** Replaces a stored status (same policy and id), keeping its place; false if it is not stored. */
  replace(policyId: string, status: DeviceComplianceUserStatus): boolean {
    const slot = this.byPolicy.get(policyId)?.get(status.id);
    if (slot === undefined) return false;
    slot.status = status;
    return true;
  }

  /** Removes a status; false if it was not stored. */
  delete(policyId: string, id: string): boolean {
    const statuses = this.byPolicy.get(policyId);
    const slot = statuses?.get(id);
    if (statuses === undefined || slot === undefined) return false;
    statuses.delete(id);
    if (statuses.size === 0) this.byPolicy.delete(policyId);
    slot.stored = false;
    this.count--;
    // Removed slots stay queued until they reach the front; keep the queue within twice the live
    // statuses so deleting as fast as creating cannot grow it without bound.
    if (this.queue.length - this.head > 2 * this.count + COMPACT_AFTER) {
      this.queue = this.queue.slice(this.head).filter((queued) => queued.stored);
      this.head = 0;
    }
    return true;
  }

  /** The statuses of one policy, oldest first. */
  list(policyId: string): DeviceComplianceUserStatus[] {
    const statuses = this.byPolicy.get(policyId);
    if (statuses === undefined) return [];
    const list: DeviceComplianceUserStatus[] = [];
    for (const slot of statuses.values()) list.push(slot.status);
    return list;
  }

  /** Removes every status. */
  clear(): void {
    for (const slot of this.queue) slot.stored = false;
    this.byPolicy.clear();
    this.queue = [];
    this.head = 0;
    this.count = 0;
  }

  private evictOldest(): void {
    while (this.head < this.queue.length) {
      const oldest = this.queue[this.head++] as Slot;
      if (!oldest.stored) continue;
      this.delete(oldest.policyId, oldest.status.id);
      this.evictedCount++;
      break;
    }
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
