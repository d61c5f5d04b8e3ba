import type { Fault } from '../faults/Fault';
import type { FaultSchedule } from '../faults/FaultSchedule';
import type { ClientRecord, RecordedRequest } from '../faults/RecordedRequest';
import type { FaultEvent } from './FaultEvent';
import { matchRoute } from './matchRoute';

/** A recorded request while its answer is on the way: the injector fills it in. */
export type RecordEntry = { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] };

/** Options of `FaultInjector`. */
export interface FaultInjectorOptions {
  /** Which requests misbehave. */
  readonly schedule: FaultSchedule;
  /** Whether every request is recorded into `requests`. */
  readonly record: boolean;
  /** Called for every fault injected. */
  readonly onFault?: ((event: FaultEvent) => void) | undefined;
  /** The clock of the record, in milliseconds. @defaultValue `performance.now` */
  readonly now?: () => number;
  /** How latency is waited. @defaultValue a `setTimeout` */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * The most requests kept in the record: past twice this many, the oldest are dropped down to it.
   * @defaultValue `MAX_RECORDED_REQUESTS` (10000)
   */
  readonly maxRecorded?: number;
}

/** The clock faults wait and record by, where not the real one (MSW's `delay`, a virtual clock). */
export type FaultClock = Pick<FaultInjectorOptions, 'now' | 'sleep'>;

/** How many requests a record keeps at least (up to twice as many before the oldest go). */
export const MAX_RECORDED_REQUESTS = 10_000;

/** What the injector decided for one request. */
export interface FaultDecision {
  /** The fault to inject, if any. */
  readonly fault: Fault | undefined;
  /** The request's record entry, when recording. */
  readonly entry: RecordEntry | undefined;
}

/**
 * The state a transport's fault layer shares: the schedule, the ordinal of the last request it
 * applies to, and the record. Counts every request to the userStatuses collection and item
 * routes (any method); other paths are neither counted nor faulted, only recorded.
 */
export class FaultInjector implements ClientRecord {
  readonly requests: RecordEntry[] = [];
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  private readonly options: FaultInjectorOptions;
  private ordinal = 0;

  constructor(options: FaultInjectorOptions) {
    this.options = options;
    this.now = options.now ?? (() => performance.now());
    this.sleep =
      options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
  }

  /** Numbers the request if the schedule applies to it, decides its fault, and records it. */
  begin(method: string, path: string, header: (name: string) => string | undefined): FaultDecision {
    const { kind } = matchRoute(path);
    const ordinal = kind === 'collection' || kind === 'item' ? ++this.ordinal : undefined;
    const fault = ordinal === undefined ? undefined : this.options.schedule.decide(ordinal);
    if (fault !== undefined && ordinal !== undefined) {
      this.options.onFault?.({ ordinal, method, path, fault });
    }
    if (!this.options.record) return { fault, entry: undefined };
    const at = this.now();
    const entry: RecordEntry = {
      ordinal,
      at,
      answeredAt: at,
      method,
      path,
      bodyDigest: undefined,
      clientRequestId: header('client-request-id'),
      retryAttempt: header('retry-attempt'),
      fault,
      status: 0,
      retryAfter: undefined,
      storedId: undefined,
    };
    this.requests.push(entry);
    const keep = this.options.maxRecorded ?? MAX_RECORDED_REQUESTS;
    // Dropped in one splice now and then, not one shift per request.
    if (this.requests.length > 2 * keep) this.requests.splice(0, this.requests.length - keep);
    return { fault, entry };
  }

  /** Completes an entry with the answer's status and headers (status 0: no answer reached the client). */
  finish(
    entry: RecordEntry | undefined,
    status: number,
    header: (name: string) => string | null | undefined,
    delivered: boolean,
  ): void {
    if (entry === undefined) return;
    entry.answeredAt = this.now();
    entry.status = delivered ? status : 0;
    const retryAfter = header('retry-after');
    if (delivered && retryAfter !== undefined && retryAfter !== null) {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds)) entry.retryAfter = seconds;
    }
    const location = header('location');
    if (status === 201 && typeof location === 'string') {
      const id = location.slice(location.lastIndexOf('/') + 1);
      entry.storedId = safeDecode(id);
    }
  }

  /** Forgets the record and restarts the ordinals (a provider's `reset`). */
  reset(): void {
    this.requests.length = 0;
    this.ordinal = 0;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
