import { createThrottle } from '../../../src/provider/_internals/createThrottle';

describe('createThrottle', () => {
  it('lets a burst of one second through, then asks to wait until a token refills', () => {
    let now = 0;
    const throttle = createThrottle(4, () => now);
    expect([throttle.take(), throttle.take(), throttle.take(), throttle.take()]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(throttle.take()).toBeCloseTo(0.25);
    now = 125;
    expect(throttle.take()).toBeCloseTo(0.125);
    now = 250;
    expect(throttle.take()).toBe(0);
    expect(throttle.take()).toBeGreaterThan(0);
  });

  it('never stores more than one second of tokens', () => {
    let now = 0;
    const throttle = createThrottle(2, () => now);
    now = 60_000;
    expect([throttle.take(), throttle.take()]).toEqual([0, 0]);
    expect(throttle.take()).toBeGreaterThan(0);
  });

  it('handles rates below one per second', () => {
    let now = 0;
    const throttle = createThrottle(0.5, () => now);
    expect(throttle.take()).toBe(0);
    expect(throttle.take()).toBeCloseTo(2);
    now = 2000;
    expect(throttle.take()).toBe(0);
  });
});
