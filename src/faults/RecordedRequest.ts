import type { Fault } from './Fault';

/**
 * What a provider (or the MSW handlers) saw of one request and did with it: the raw material of
 * the oracles (`judgeClientBehaviour`). Times are milliseconds on the recorder's clock (the
 * virtual one under `assertResilient`).
 */
export interface RecordedRequest {
  /** The request's ordinal among those the fault schedule applies to, or `undefined` for others. */
  readonly ordinal: number | undefined;
  /** When the request arrived, in milliseconds. */
  readonly at: number;
  /** When the answer was handed over or the connection cut, in milliseconds (`at` until then). */
  readonly answeredAt: number;
  /** The method as sent. */
  readonly method: string;
  /** The request target as sent: path and query. */
  readonly path: string;
  /**
   * The first 16 hex digits of the body's SHA-256, or `undefined` without a body: two requests
   * with the same method, path and digest are the same operation (a retry).
   */
  readonly bodyDigest: string | undefined;
  /** The `client-request-id` header sent, if any. */
  readonly clientRequestId: string | undefined;
  /** The `Retry-Attempt` header sent (Microsoft's SDKs send it on retries), if any. */
  readonly retryAttempt: string | undefined;
  /** The fault injected, or `undefined` when the request was answered normally. */
  readonly fault: Fault | undefined;
  /** The status answered, or 0 when the client got no answer (a reset). */
  readonly status: number;
  /** The `Retry-After` answered, in seconds, if any. */
  readonly retryAfter: number | undefined;
  /** The id of the status this request stored (a 201, delivered or not), if any. */
  readonly storedId: string | undefined;
}

/** Everything recorded about a client's requests, in arrival order. */
export interface ClientRecord {
  /** One entry per request, in arrival order (an entry is completed once its answer is). */
  readonly requests: readonly RecordedRequest[];
}
