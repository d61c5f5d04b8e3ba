import type { DeviceComplianceUserStatus } from '../../src/contracts/types.generated';
import { UserStatusStore } from '../../src/provider/UserStatusStore';

function status(id: string, devicesCount = 1): DeviceComplianceUserStatus {
  return {
    '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
    id,
    userDisplayName: id,
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
    }
  });
});
