import type { RequestProfile } from '../../contracts/registry';
import type { Throttle } from './createThrottle';
import type { RequestLogLine } from '../RequestLogLine';
import type { UserStatusStore } from '../UserStatusStore';

/** Everything the request handler reads and changes: the provider's configuration and state. */
export interface RequestHandlerConfig {
  /** Bearer tokens accepted. */
  readonly tokens: ReadonlySet<string>;
  /** Policies that exist (provider states add to it). */
  readonly policies: ReadonlySet<string>;
  /** Where statuses live. */
  readonly store: UserStatusStore;
  /** Assigns the id of a new status. */
  readonly nextId: () => string;
  /** The largest body read, in bytes. */
  readonly maxBodyBytes: number;
  /** Whether every outgoing body is checked against its contract. */
  readonly selfCheck: boolean;
  /** The rate limiter, if throttling is simulated. */
  readonly throttle: Throttle | undefined;
  /** Whether `POST /_pact/provider-states` is served. */
  readonly enableStateRoute: boolean;
  /** The request profile creates are validated with. */
  readonly profile: RequestProfile;
  /** Receives one line per answered request. */
  readonly onRequest: ((line: RequestLogLine) => void) | undefined;
  /** Applies a Pact provider state: ensures the policy (if any) exists and resets the store. */
  readonly applyProviderState: (policyId: string | undefined) => void;
}
