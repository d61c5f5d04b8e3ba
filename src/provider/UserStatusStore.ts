import type { DeviceComplianceUserStatus } from '../contracts/types.generated';
import { positiveInteger } from '../positiveInteger';
import { DEFAULT_STORE_CAPACITY, DEFAULT_STORE_CAPACITY_BYTES } from './defaults';

/**
 * One stored status. The queues keep a removed slot for a while: it then has no `status`, so a
 * removed status is freed at once (a thousand evicted 1 MB statuses must not stay reachable).
 */
interface Slot {
  readonly policyId: string;
  readonly id: string;
  /** Its place in creation order over the whole store: what a page resumes after. */
  readonly position: number;
  /** The status, or `undefined` once removed. */
  status: DeviceComplianceUserStatus | undefined;
  /** The UTF-8 length of `status` as JSON. */
  bytes: number;
}

/** One policy's statuses: by id, and in creation order (with removed slots until compacted). */
interface PolicyStatuses {
  readonly byId: Map<string, Slot>;
  order: Slot[];
  removed: number;
}

/** One page of a policy's statuses. */
export interface UserStatusPage {
  /** The statuses, oldest first. */
  readonly statuses: DeviceComplianceUserStatus[];
  /** Where the next page starts (pass it as `after`); absent on the last page. */
  readonly next?: number;
}

/** Options of `UserStatusStore.page`. */
export interface UserStatusPageOptions {
  /** The most statuses on the page, at least 1. */
  readonly top: number;
  /** The `next` of the previous page. @defaultValue `undefined` (the first page) */
  readonly after?: number;
  /**
   * The most bytes of statuses on the page (as JSON, UTF-8); a page always holds at least one.
   * @defaultValue `Infinity`
   */
  readonly maxBytes?: number;
}

// The eviction queue is compacted once this many removed slots sit at its front, and a policy's
// order once it holds this many removed slots and more removed than stored ones.
const COMPACT_AFTER = 1024;

/**
 * The reference provider's in-memory user statuses, per policy, in creation order. Bounded by
 * count and by bytes (the UTF-8 length of each status as JSON, which is what a listing sends):
 * once `capacity` statuses or `byteCapacity` bytes are stored, over all policies, adding one
 * evicts the oldest until it fits, so a long fuzz run or huge names cannot exhaust memory. An
 * update keeps a status's place, and evicts older ones if it grows past the byte capacity; a
 * status larger than the whole byte capacity is kept alone. A delete frees its place.
 */
export class UserStatusStore {
  /** How many statuses are kept before the oldest is evicted. */
  readonly capacity: number;
  /** How many bytes of statuses (as JSON, UTF-8) are kept before the oldest is evicted. */
  readonly byteCapacity: number;
  private readonly byPolicy = new Map<string, PolicyStatuses>();
  // Creation order for eviction, as an array with a moving head: a Map would do, but V8 leaves
  // deleted entries in place until it rehashes, so taking the oldest of a Map whose front is
  // always being deleted walks thousands of holes per eviction.
  private queue: Slot[] = [];
  private head = 0;
  private count = 0;
  private totalBytes = 0;
  private nextPosition = 0;
  private evictedCount = 0;

  /**
   * @param capacity - How many statuses to keep, at least 1.
   * @param byteCapacity - How many bytes of statuses to keep, at least 1.
   * @throws UsageError unless both are positive safe integers.
   */
  constructor(
    capacity: number = DEFAULT_STORE_CAPACITY,
    byteCapacity: number = DEFAULT_STORE_CAPACITY_BYTES,
  ) {
    this.capacity = positiveInteger(capacity, 'the store capacity');
    this.byteCapacity = positiveInteger(byteCapacity, 'the store byte capacity');
  }

  /** How many statuses are stored, over all policies. */
  get size(): number {
    return this.count;
  }

  /** How many bytes the stored statuses take as JSON (UTF-8), over all policies. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** How many statuses have been evicted to respect the capacities since the store was created. */
  get evicted(): number {
    return this.evictedCount;
  }

  /** Stores a new status under a policy (replacing one with the same id), evicting the oldest if full. */
  add(policyId: string, status: DeviceComplianceUserStatus): void {
    const existing = this.byPolicy.get(policyId)?.byId.get(status.id);
    if (existing !== undefined) {
      this.update(existing, status);
      return;
    }
    const bytes = sizeOf(status);
    while (
      this.count > 0 &&
      (this.count >= this.capacity || this.totalBytes + bytes > this.byteCapacity)
    ) {
      this.evictOldest(undefined);
    }
    // Looked up after evicting: an eviction may have removed this policy's (emptied) entry.
    let statuses = this.byPolicy.get(policyId);
    if (statuses === undefined) {
      statuses = { byId: new Map(), order: [], removed: 0 };
      this.byPolicy.set(policyId, statuses);
    }
    const slot: Slot = { policyId, id: status.id, position: this.nextPosition++, status, bytes };
    statuses.byId.set(status.id, slot);
    statuses.order.push(slot);
    this.queue.push(slot);
    this.count++;
    this.totalBytes += bytes;
  }

  /** The status with this id under this policy, if stored. */
  get(policyId: string, id: string): DeviceComplianceUserStatus | undefined {
    return this.byPolicy.get(policyId)?.byId.get(id)?.status;
  }

  /**
   * Replaces a stored status (same policy and id), keeping its place and evicting older ones if
   * it grew past the byte capacity; false if it is not stored.
   */
  replace(policyId: string, status: DeviceComplianceUserStatus): boolean {
    const slot = this.byPolicy.get(policyId)?.byId.get(status.id);
    if (slot === undefined) return false;
    this.update(slot, status);
    return true;
  }

  /** Removes a status; false if it was not stored. */
  delete(policyId: string, id: string): boolean {
    const statuses = this.byPolicy.get(policyId);
    const slot = statuses?.byId.get(id);
    if (statuses === undefined || slot === undefined) return false;
    statuses.byId.delete(id);
    slot.status = undefined;
    this.count--;
    this.totalBytes -= slot.bytes;
    if (statuses.byId.size === 0) {
      this.byPolicy.delete(policyId);
    } else if (++statuses.removed >= COMPACT_AFTER && statuses.removed > statuses.byId.size) {
      statuses.order = statuses.order.filter(isStored);
      statuses.removed = 0;
    }
    // Removed slots stay queued until they reach the front; keep the queue within twice the live
    // statuses so deleting as fast as creating cannot grow it without bound.
    if (this.queue.length - this.head > 2 * this.count + COMPACT_AFTER) {
      this.queue = this.queue.slice(this.head).filter(isStored);
      this.head = 0;
    }
    return true;
  }

  /** The statuses of one policy, oldest first. */
  list(policyId: string): DeviceComplianceUserStatus[] {
    const statuses = this.byPolicy.get(policyId);
    if (statuses === undefined) return [];
    const list: DeviceComplianceUserStatus[] = [];
    for (const slot of statuses.byId.values()) list.push(slot.status as DeviceComplianceUserStatus);
    return list;
  }

  /**
   * One page of a policy's statuses, oldest first: at most `top` of them and `maxBytes` of JSON
   * (but at least one), starting after `after`. A page resumes after the last status the previous
   * one held, so deleting or creating statuses between pages never repeats or skips another one.
   */
  page(policyId: string, options: UserStatusPageOptions): UserStatusPage {
    const statuses = this.byPolicy.get(policyId);
    if (statuses === undefined) return { statuses: [] };
    const { order } = statuses;
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    let at = options.after === undefined ? 0 : firstAfter(order, options.after);
    const page: DeviceComplianceUserStatus[] = [];
    let bytes = 0;
    let last: Slot | undefined;
    for (; at < order.length; at++) {
      const slot = order[at] as Slot;
      if (slot.status === undefined) continue;
      if (page.length >= options.top || (page.length > 0 && bytes + slot.bytes > maxBytes)) {
        return { statuses: page, next: (last as Slot).position };
      }
      page.push(slot.status);
      bytes += slot.bytes;
      last = slot;
    }
    return { statuses: page };
  }

  /** Removes every status. Positions start again from 0, as in a new store. */
  clear(): void {
    for (const slot of this.queue) slot.status = undefined;
    this.byPolicy.clear();
    this.queue = [];
    this.head = 0;
    this.count = 0;
    this.totalBytes = 0;
    this.nextPosition = 0;
  }

  private update(slot: Slot, status: DeviceComplianceUserStatus): void {
    const bytes = sizeOf(status);
    this.totalBytes += bytes - slot.bytes;
    slot.status = status;
    slot.bytes = bytes;
    while (this.totalBytes > this.byteCapacity && this.count > 1) this.evictOldest(slot);
  }

  /** Evicts the oldest stored status other than `keep`. */
  private evictOldest(keep: Slot | undefined): void {
    for (let at = this.head; at < this.queue.length; at++) {
      const oldest = this.queue[at] as Slot;
      if (oldest.status === undefined || oldest === keep) continue;
      this.delete(oldest.policyId, oldest.id);
      this.evictedCount++;
      break;
    }
    while (this.head < this.queue.length && !isStored(this.queue[this.head] as Slot)) this.head++;
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}

function isStored(slot: Slot): boolean {
  return slot.status !== undefined;
}

/** The UTF-8 length of a status as JSON: what it costs to keep and to list. */
function sizeOf(status: DeviceComplianceUserStatus): number {
  return Buffer.byteLength(JSON.stringify(status));
}

/** The index of the first slot whose position is past `position` (slots are in position order). */
function firstAfter(order: readonly Slot[], position: number): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((order[middle] as Slot).position <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}
