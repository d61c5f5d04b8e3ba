import { userStatusesPath } from '../../contracts/userStatusesPath';
import type { Dispatcher } from 'undici';

/** The server under test and how to talk to it. */
export interface FuzzTarget {
  /** Base URL without a trailing slash (may end in `/v1.0`). */
  readonly baseUrl: string;
  /** A bearer token the server accepts. */
  readonly token: string;
  /** A device compliance policy id that exists on the server. */
  readonly policyId: string;
  /** Per-request timeout in milliseconds. */
  readonly timeoutMs: number;
  /** The connection pool. */
  readonly dispatcher: Dispatcher;
  /** Waits for the rate limiter's permission to send one request. */
  readonly acquire: () => Promise<void>;
  /** Called after each request (progress). */
  readonly onRequest: () => void;
  /**
   * When the run's time is up (`performance.now()` milliseconds): a Retry-After that would wait
   * past it is not waited for. @defaultValue no limit
   */
  readonly deadline?: number;
}

/** The path of one user status. */
export function itemPath(policyId: string, id: string): string {
  return `${userStatusesPath(policyId)}/${encodeURIComponent(id)}`;
}
