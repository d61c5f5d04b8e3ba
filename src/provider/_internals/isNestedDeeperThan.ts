/**
 * Whether a parsed JSON value nests arrays or objects more than `limit` levels deep (a scalar is
 * level 0, `[]` level 1). Iterative, and it stops as soon as it knows, so any depth `JSON.parse`
 * accepts is measured without overflowing the call stack; what passes can then be serialised
 * (`JSON.stringify` recurses) safely.
 */
export function isNestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<{ readonly value: unknown; readonly depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: item, depth } = pending.pop() as { value: unknown; depth: number };
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > limit) return true;
    const members = Array.isArray(item) ? item : Object.values(item as object);
    for (const member of members) {
      if (typeof member === 'object' && member !== null) {
        pending.push({ value: member, depth: depth + 1 });
      }
    }
  }
  return false;
}
