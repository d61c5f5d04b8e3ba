import type { RequestProfile } from '../contracts/registry';
import type { FaultSchedule } from '../faults/FaultSchedule';
import type { FaultEvent } from './FaultEvent';
import type { RequestLogLine } from './RequestLogLine';
import type { UserStatusStore } from './UserStatusStore';

/**
 * Options of the reference provider, over `node:http` (`createProvider`) or as a fetch handler
 * (`createFetchProvider`).
 */
export interface ProviderOptions {
  /**
   * Bearer tokens the provider accepts (RFC 6750 token characters only).
   * @defaultValue `[DEFAULT_TOKEN]` (`'local-dev-token'`)
   */
  readonly tokens?: readonly string[];
  /**
   * Ids of the device compliance policies that exist; any other policy id gets 404.
   * @defaultValue `[DEFAULT_POLICY_ID]` (`'11111111-2222-4333-8444-555555555555'`)
   */
  readonly policyIds?: readonly string[];
  /**
   * The largest request body accepted, in bytes; a larger one gets 413 without being buffered.
   * @defaultValue `1048576` (1 MiB)
   */
  readonly maxBodyBytes?: number;
  /**
   * How many statuses the store keeps over all policies; past it the oldest is evicted.
   * @defaultValue `10000`
   */
  readonly storeCapacity?: number;
  /**
   * How many bytes of statuses (each as JSON, UTF-8) the store keeps over all policies; past it the
   * oldest are evicted (a status larger than the whole capacity is kept alone).
   * @defaultValue `67108864` (64 MiB)
   */
  readonly storeCapacityBytes?: number;
  /**
   * Check every outgoing body against its contract (entity, collection items, error envelope) and
   * answer a Graph 500 naming the issue instead of a body that breaks it. Tests, `check` and
   * `fuzz` turn it on; off by default because it costs about a tenth of the create throughput.
   * @defaultValue `false`
   */
  readonly selfCheck?: boolean;
  /**
   * Simulate throttling: at most this many requests per second (bursts of one second's worth),
   * then 429 with `Retry-After`.
   * @defaultValue `undefined` (no throttling)
   */
  readonly throttle?: number;
  /**
   * How long a request (headers and body) may take to arrive, in milliseconds: a slower one gets a
   * Graph 408 and its connection closed (or, on a connection that already answered, just closed),
   * so slow-body clients cannot hold connections. Applies when the provider listens; a server
   * that mounts `handler` itself sets its own `requestTimeout`.
   * @defaultValue `10000`
   */
  readonly requestTimeoutMs?: number;
  /**
   * Serve `POST /_pact/provider-states` (Pact state changes) without authentication.
   * @defaultValue `false` (the route answers like any unknown path)
   */
  readonly enableStateRoute?: boolean;
  /**
   * Seed of the id generator and of `preload`: the same seed gives the same ids in the same order.
   * @defaultValue `1`
   */
  readonly seed?: number;
  /**
   * How many generated statuses to store at start, spread over the policies in turn.
   * @defaultValue `0`
   */
  readonly preload?: number;
  /**
   * Called once per answered request (after the answer is written or the connection closed).
   * @defaultValue `undefined` (no logging)
   */
  readonly onRequest?: (line: RequestLogLine) => void;
  /**
   * The request profile creates are validated with: `documented` requires the five documented
   * properties; `graph-metadata` makes them optional and stores Graph's defaults for missing ones
   * (`devicesCount` 0, `status` `unknown`, `lastReportedDateTime` `0001-01-01T00:00:00Z`, names
   * null). Updates always use `graph-metadata` (partial).
   * @defaultValue `'documented'`
   */
  readonly profile?: RequestProfile;
  /**
   * The store to use instead of a new one (to share it between providers, or inspect it in tests);
   * `storeCapacity` and `storeCapacityBytes` are then ignored.
   * @defaultValue a new `UserStatusStore(storeCapacity, storeCapacityBytes)`
   */
  readonly store?: UserStatusStore;
  /**
   * Graph's misbehaviour to inject: 429, 503 and 504 answers, connection resets before or after a
   * create is stored, added latency (`faultScheduleFromSpec`, `faultScheduleFromList`,
   * `faultScheduleArbitrary`). The schedule numbers every request to the userStatuses collection
   * and item routes (any method) from 1, and applies before anything else, authentication
   * included. `reset` restarts the numbering.
   * @defaultValue `undefined` (no fault, ever; the handler runs without any fault check)
   */
  readonly faults?: FaultSchedule;
  /**
   * Record every request (time, method, path, body digest, client-request-id, Retry-Attempt, the
   * fault injected, the status answered, the id stored) into the provider's `record`, for
   * `judgeClientBehaviour` and the `toBeResilientClient` matcher. `reset` empties it. It keeps
   * the latest 10000 requests at least (the oldest go past 20000), so memory stays bounded.
   * @defaultValue `true` when `faults` is given, else `false`
   */
  readonly record?: boolean;
  /**
   * Called once per injected fault, as it is decided.
   * @defaultValue `undefined`
   */
  readonly onFault?: (event: FaultEvent) => void;
}
