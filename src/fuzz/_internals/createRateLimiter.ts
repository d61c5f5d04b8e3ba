/**
 * A limiter that lets at most `perSecond` requests start per second, spaced evenly. Without a rate
 * it never waits.
 */
export function createRateLimiter(perSecond: number | undefined): () => Promise<void> {
  if (perSecond === undefined || perSecond <= 0 || !Number.isFinite(perSecond)) {
    return () => Promise.resolve();
  }
  const interval = 1000 / perSecond;
  let next = 0;
  return async () => {
    const now = performance.now();
    const start = Math.max(now, next);
    next = start + interval;
    const wait = start - now;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
}
