import { UsageError } from '../errors';

/** Virtual time for a consumer under test: `sleep` costs no wall time. */
export interface VirtualClock {
  /** Virtual milliseconds since the clock started. */
  now(): number;
  /** Resolves once virtual time has advanced by `ms` (at once in wall time). */
  sleep(ms: number): Promise<void>;
  /** Runs `work` (a request in flight): time stands still until it settles. */
  hold<T>(work: () => Promise<T>): Promise<T>;
  /** A `sleep` from inside `hold` (latency of a request in flight): time may advance meanwhile. */
  sleepWhileHeld(ms: number): Promise<void>;
  /** Resolves once no request is in flight (time advancing as they need), e.g. after the consumer returned. */
  drain(): Promise<void>;
}

interface Timer {
  readonly due: number;
  readonly order: number;
  readonly resolve: () => void;
}

/**
 * A discrete-event clock: pending sleeps fire in order of their due time, one at a time, once
 * nothing else is running (no request in flight, the event loop's current turn done). A
 * sequential consumer sees exact times; concurrent ones see their sleeps ordered as real timers
 * would order them.
 * @param limitMs - Virtual time a run may last: a sleep past it rejects, so a consumer that
 * retries forever ends.
 */
export function createVirtualClock(limitMs: number): VirtualClock {
  let time = 0;
  let busy = 0;
  let inFlight = 0;
  let order = 0;
  let scheduled = false;
  const timers: Timer[] = [];

  const fire = (): void => {
    scheduled = false;
    if (busy > 0 || timers.length === 0) return;
    timers.sort((left, right) => left.due - right.due || left.order - right.order);
    const next = timers.shift() as Timer;
    time = Math.max(time, next.due);
    next.resolve();
    schedule();
  };
  // setImmediate: after the microtasks of the current turn, so work started by a resolved
  // sleep or request gets to run (and register its own timers) first.
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(fire);
  };
  const sleep = (ms: number): Promise<void> => {
    if (!(ms >= 0)) {
      return Promise.reject(new UsageError(`sleep takes milliseconds, not ${String(ms)}`));
    }
    if (time + ms > limitMs) {
      return Promise.reject(
        new Error(
          `virtual time ran past ${limitMs} ms (sleep(${ms}) at ${time} ms): the consumer waits without end`,
        ),
      );
    }
    return new Promise((resolve) => {
      timers.push({ due: time + ms, order: order++, resolve });
      schedule();
    });
  };
  return {
    now: () => time,
    sleep,
    async hold(work) {
      busy += 1;
      inFlight += 1;
      try {
        return await work();
      } finally {
        busy -= 1;
        inFlight -= 1;
        schedule();
      }
    },
    async drain() {
      while (inFlight > 0) await new Promise((resolve) => setImmediate(resolve));
    },
    async sleepWhileHeld(ms) {
      busy -= 1;
      try {
        await sleep(ms);
      } finally {
        busy += 1;
      }
    },
  };
}
