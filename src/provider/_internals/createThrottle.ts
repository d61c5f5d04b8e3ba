/** A request-rate limiter: `take()` answers 0 when a request may proceed, else seconds to wait. */
export interface Throttle {
  /** Spends one token if one is available (0), or returns how many seconds until one is. */
  take(): number;
}

/**
 * A token bucket allowing `ratePerSecond` requests per second on average, with bursts of up to one
 * second's worth, as Graph's per-app limits allow short bursts.
 * @param now - The clock in milliseconds (tests pass a fake one).
 */
export function createThrottle(
  ratePerSecond: number,
  now: () => number = () => performance.now(),
): Throttle {
  const capacity = Math.max(1, ratePerSecond);
  let tokens = capacity;
  let last = now();
  return {
    take() {
      const current = now();
      tokens = Math.min(capacity, tokens + ((current - last) / 1000) * ratePerSecond);
      last = current;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (1 - tokens) / ratePerSecond;
    },
  };
}
