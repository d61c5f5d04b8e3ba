import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DeviceComplianceUserStatus } from '../../src/contracts/types.generated';
import { UserStatusStore } from '../../src/provider/UserStatusStore';

function status(id: string, devicesCount = 1, name = id): DeviceComplianceUserStatus {
  return {
    '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
    id,
    userDisplayName: name,
    devicesCount,
    status: 'compliant',
    lastReportedDateTime: '2020-06-14T20:52:52Z',
    userPrincipalName: null,
  };
}

describe('UserStatusStore', () => {
  it('keeps statuses per policy in creation order', () => {
    const store = new UserStatusStore(10);
    store.add('p', status('a'));
    store.add('q', status('b'));
    store.add('p', status('c'));
    expect(store.list('p').map((s) => s.id)).toEqual(['a', 'c']);
    expect(store.list('q').map((s) => s.id)).toEqual(['b']);
    expect(store.list('none')).toEqual([]);
    expect(store.get('p', 'b')).toBeUndefined();
    expect(store.size).toBe(3);
  });

  it('evicts the oldest status over all policies once full, and counts evictions', () => {
    const store = new UserStatusStore(2);
    store.add('p', status('a'));
    store.add('q', status('b'));
    store.add('p', status('c'));
    expect(store.get('p', 'a')).toBeUndefined();
    expect(store.list('p').map((s) => s.id)).toEqual(['c']);
    expect(store.size).toBe(2);
    expect(store.evicted).toBe(1);
  });

  it('does not evict for a deleted status, and an update keeps the place', () => {
    const store = new UserStatusStore(2);
    store.add('p', status('a'));
    store.add('p', status('b'));
    expect(store.replace('p', status('a', 9))).toBe(true);
    expect(store.delete('p', 'b')).toBe(true);
    expect(store.delete('p', 'b')).toBe(false);
    store.add('p', status('c'));
    expect(store.evicted).toBe(0);
    store.add('p', status('d'));
    // 'a' is the oldest although it was updated last.
    expect(store.list('p').map((s) => s.id)).toEqual(['c', 'd']);
    expect(store.replace('p', status('a'))).toBe(false);
  });

  it('stays within its capacity and keeps the newest through a long churn of adds and deletes', () => {
    const store = new UserStatusStore(100);
    for (let i = 0; i < 50_000; i++) {
      store.add(`p${i % 3}`, status(`s${i}`));
      if (i % 4 === 0) store.delete(`p${i % 3}`, `s${i}`);
    }
    expect(store.size).toBeLessThanOrEqual(100);
    expect(store.get(`p${49_999 % 3}`, 's49999')).toBeDefined();
    const kept = ['p0', 'p1', 'p2'].flatMap((p) => store.list(p).map((s) => Number(s.id.slice(1))));
    expect(Math.min(...kept)).toBeGreaterThan(49_000);
  });

  it('clears everything', () => {
    const store = new UserStatusStore(3);
    store.add('p', status('a'));
    store.clear();
    expect(store.size).toBe(0);
    store.add('p', status('b'));
    store.add('p', status('c'));
    store.add('p', status('d'));
    expect(store.evicted).toBe(0);
  });

  it('refuses a capacity that is not a positive integer', () => {
    for (const capacity of [0, -1, 1.5, Number.NaN]) {
      expect(() => new UserStatusStore(capacity)).toThrow(/capacity/);
      expect(() => new UserStatusStore(10, capacity)).toThrow(/byte capacity/);
    }
  });

  it('counts the bytes of what it stores: the UTF-8 length of each status as JSON', () => {
    const store = new UserStatusStore();
    expect(store.bytes).toBe(0);
    const one = status('a', 1, 'Zoë 😀');
    store.add('p', one);
    expect(store.bytes).toBe(Buffer.byteLength(JSON.stringify(one)));
    const grown = status('a', 1, 'x'.repeat(1000));
    store.replace('p', grown);
    expect(store.bytes).toBe(Buffer.byteLength(JSON.stringify(grown)));
    store.delete('p', 'a');
    expect(store.bytes).toBe(0);
    store.add('p', one);
    store.clear();
    expect(store.bytes).toBe(0);
  });

  it('evicts the oldest statuses over all policies once their bytes would pass byteCapacity', () => {
    const size = Buffer.byteLength(JSON.stringify(status('s0', 1, 'x'.repeat(1000))));
    const store = new UserStatusStore(1000, 3 * size + 10);
    for (let i = 0; i < 10; i++) store.add(`p${i % 2}`, status(`s${i}`, 1, 'x'.repeat(1000)));
    expect(store.size).toBe(3);
    expect(store.bytes).toBeLessThanOrEqual(store.byteCapacity);
    expect(store.evicted).toBe(7);
    expect([...store.list('p0'), ...store.list('p1')].map((s) => s.id).sort()).toEqual([
      's7',
      's8',
      's9',
    ]);
  });

  it('makes room for an update that grows a status by evicting others, never the status itself', () => {
    const small = Buffer.byteLength(JSON.stringify(status('a')));
    const store = new UserStatusStore(10, 3 * small + 200);
    store.add('p', status('a'));
    store.add('p', status('b'));
    store.add('p', status('c'));
    expect(store.replace('p', status('c', 1, 'x'.repeat(250)))).toBe(true);
    expect(store.list('p').map((s) => s.id)).toEqual(['b', 'c']);
    expect(store.bytes).toBeLessThanOrEqual(store.byteCapacity);
    // Larger than the whole store: it is kept alone rather than lost.
    store.replace('p', status('c', 1, 'x'.repeat(5000)));
    expect(store.list('p').map((s) => s.id)).toEqual(['c']);
    store.add('p', status('d', 1, 'x'.repeat(5000)));
    expect(store.list('p').map((s) => s.id)).toEqual(['d']);
  });

  it('lets go of evicted and deleted statuses at once (the byte bound is a memory bound)', async () => {
    // A full collection on demand: the only way to see what stays reachable.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const store = new UserStatusStore(10_000, 100_000);
    const refs: WeakRef<DeviceComplianceUserStatus>[] = [];
    for (let i = 0; i < 300; i++) {
      const added = status(`s${i}`, 1, `${i}${'x'.repeat(10_000)}`);
      refs.push(new WeakRef(added));
      store.add('p', added);
      if (i % 10 === 0) store.delete('p', `s${i}`);
    }
    expect(store.evicted).toBeGreaterThan(250);
    // WeakRef targets live until the end of the current job.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const alive = refs.filter((ref) => ref.deref() !== undefined).length;
    expect(alive).toBe(store.size);
  });

  it('pages a policy in creation order, resuming after a position that survives deletions', () => {
    const store = new UserStatusStore();
    for (const id of ['a', 'b', 'c', 'd', 'e']) store.add('p', status(id));
    store.add('q', status('x'));
    const first = store.page('p', { top: 2 });
    expect(first.statuses.map((s) => s.id)).toEqual(['a', 'b']);
    expect(first.next).toBeDefined();
    store.delete('p', 'b');
    store.delete('p', 'c');
    const second = store.page('p', { top: 2, after: first.next as number });
    expect(second.statuses.map((s) => s.id)).toEqual(['d', 'e']);
    expect(second.next).toBeUndefined();
    expect(store.page('none', { top: 2 })).toEqual({ statuses: [] });
  });

  it('ends a page early once it holds maxBytes, but always with at least one status', () => {
    const store = new UserStatusStore();
    for (let i = 0; i < 5; i++) store.add('p', status(`s${i}`, 1, 'x'.repeat(1000)));
    const size = Buffer.byteLength(JSON.stringify(status('s0', 1, 'x'.repeat(1000))));
    const page = store.page('p', { top: 100, maxBytes: 2 * size + 10 });
    expect(page.statuses.map((s) => s.id)).toEqual(['s0', 's1']);
    const tiny = store.page('p', { top: 100, maxBytes: 1, after: page.next as number });
    expect(tiny.statuses.map((s) => s.id)).toEqual(['s2']);
    expect(tiny.next).toBeDefined();
  });

  it('pages through a long churn of adds and deletes without losing or repeating a status', () => {
    const store = new UserStatusStore(500);
    for (let i = 0; i < 5_000; i++) {
      store.add('p', status(`s${i}`));
      if (i % 3 === 0) store.delete('p', `s${i - 1}`);
    }
    const seen: string[] = [];
    let after: number | undefined;
    do {
      const page = store.page('p', { top: 7, ...(after === undefined ? {} : { after }) });
      seen.push(...page.statuses.map((s) => s.id));
      after = page.next;
    } while (after !== undefined);
    expect(seen).toEqual(store.list('p').map((s) => s.id));
  });
});
