import { userStatusFactory } from '../../factories/userStatusFactory';
import type { UserStatusStore } from '../UserStatusStore';

/**
 * Fills a store with `count` realistic statuses generated from `seed`, given to the policies in
 * turn; each gets an id from the provider's generator, so later creates never collide with them.
 */
export function preloadStatuses(
  store: UserStatusStore,
  policyIds: readonly string[],
  count: number,
  seed: number,
  nextId: () => string,
): void {
  if (policyIds.length === 0) return;
  const statuses = userStatusFactory.buildList(count, {}, { seed });
  statuses.forEach((status, index) => {
    store.add(policyIds[index % policyIds.length] as string, { ...status, id: nextId() });
  });
}
