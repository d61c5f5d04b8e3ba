import { isBearerToken } from '../../contracts/bearerToken';
import { UsageError } from '../../errors';
import { positiveInteger } from '../../positiveInteger';
import { noFaults } from '../../faults/noFaults';
import type { ClientRecord } from '../../faults/RecordedRequest';
import { FaultInjector, type FaultClock } from '../FaultInjector';
import type { RequestHandlerConfig } from './RequestHandlerConfig';
import { createStatusIdGenerator } from './createStatusIdGenerator';
import { createThrottle } from './createThrottle';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_POLICY_ID,
  DEFAULT_PROVIDER_SEED,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_STORE_CAPACITY,
  DEFAULT_STORE_CAPACITY_BYTES,
  DEFAULT_TOKEN,
} from '../defaults';
import { preloadStatuses } from './preloadStatuses';
import type { ProviderOptions } from '../ProviderOptions';
import { UserStatusStore } from '../UserStatusStore';

/**
 * What every transport of the reference provider shares: the checked options, the request
 * handler's configuration and the state it changes, and the ways to change that state.
 */
export interface ProviderCore {
  /** The configuration `createRequestHandler` answers with (the same object for the core's life). */
  readonly handlerConfig: RequestHandlerConfig;
  /** The store the handler reads and changes. */
  readonly store: UserStatusStore;
  /** How long a request may take to arrive when the provider listens, in milliseconds. */
  readonly requestTimeoutMs: number;
  /** The fault schedule and record, when faults or recording were asked for. */
  readonly injector: FaultInjector | undefined;
  /** What was recorded (always empty without recording). */
  readonly record: ClientRecord;
  /** Ensures the policy exists and empties the store (a Pact provider state). */
  setProviderState(state: { policyId: string }): void;
  /**
   * Returns to the state at creation: only the configured policies exist, the store holds nothing
   * (or the `preload` statuses again, with the same ids), ids restart from the seed, the
   * throttle, if any, is full, and the fault ordinals and record restart.
   */
  reset(): void;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Checks the provider's options and builds what `createProvider` (node:http) and
 * `createFetchProvider` (fetch) both run on, so the two transports cannot drift apart.
 * @throws UsageError when an option is out of range (a token that cannot be sent, an empty
 * policy id, a non-positive size, rate or timeout, an unsafe seed).
 */
export function createProviderCore(
  options: ProviderOptions,
  faultClock: FaultClock = {},
): ProviderCore {
  const tokens = new Set(options.tokens ?? [DEFAULT_TOKEN]);
  for (const token of tokens) {
    // A token no Authorization header could carry could never be accepted.
    if (!isBearerToken(token)) {
      throw new UsageError(
        `the token ${JSON.stringify(token)} cannot be sent as a bearer token: use letters, digits and - . _ ~ + / only`,
      );
    }
  }
  if (tokens.size === 0) throw new UsageError('at least one token must be accepted');
  const policyIds = options.policyIds ?? [DEFAULT_POLICY_ID];
  for (const policyId of policyIds) assertPolicyId(policyId);
  const policies = new Set(policyIds);
  const maxBodyBytes = positiveInteger(
    options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    'maxBodyBytes',
  );
  const requestTimeoutMs = positiveInteger(
    options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    'requestTimeoutMs',
  );
  const seed = options.seed ?? DEFAULT_PROVIDER_SEED;
  if (!Number.isSafeInteger(seed)) {
    throw new UsageError(`the seed must be a safe integer, not ${String(seed)}`);
  }
  const rate = options.throttle;
  if (rate !== undefined && !(rate > 0)) {
    throw new UsageError(`throttle must be a positive rate, not ${String(rate)}`);
  }
  const store =
    options.store ??
    new UserStatusStore(
      options.storeCapacity ?? DEFAULT_STORE_CAPACITY,
      options.storeCapacityBytes ?? DEFAULT_STORE_CAPACITY_BYTES,
    );
  const preload = options.preload ?? 0;
  if (!Number.isSafeInteger(preload) || preload < 0) {
    throw new UsageError(`preload must be a non-negative integer, not ${String(preload)}`);
  }

  // Mutable here only: `reset` swaps in a fresh id generator and throttle. The handler reads them
  // from this object on every request, so swapping costs the hot path nothing.
  const handlerConfig: Mutable<RequestHandlerConfig> = {
    tokens,
    policies,
    store,
    nextId: createStatusIdGenerator(seed),
    maxBodyBytes,
    selfCheck: options.selfCheck ?? false,
    throttle: rate === undefined ? undefined : createThrottle(rate),
    enableStateRoute: options.enableStateRoute ?? false,
    profile: options.profile ?? 'documented',
    onRequest: options.onRequest,
    applyProviderState: (policyId) => {
      if (policyId !== undefined) policies.add(policyId);
      store.clear();
    },
  };
  if (preload > 0) preloadStatuses(store, policyIds, preload, seed, handlerConfig.nextId);
  const injector =
    options.faults !== undefined || options.record === true
      ? new FaultInjector({
          schedule: options.faults ?? noFaults,
          record: options.record ?? true,
          onFault: options.onFault,
          ...faultClock,
        })
      : undefined;

  return {
    handlerConfig,
    store,
    requestTimeoutMs,
    injector,
    record: injector ?? EMPTY_RECORD,
    setProviderState(state) {
      assertPolicyId(state.policyId);
      handlerConfig.applyProviderState(state.policyId);
    },
    reset() {
      policies.clear();
      for (const policyId of policyIds) policies.add(policyId);
      store.clear();
      handlerConfig.nextId = createStatusIdGenerator(seed);
      if (rate !== undefined) handlerConfig.throttle = createThrottle(rate);
      if (preload > 0) preloadStatuses(store, policyIds, preload, seed, handlerConfig.nextId);
      injector?.reset();
    },
  };
}

const EMPTY_RECORD: ClientRecord = Object.freeze({ requests: Object.freeze([]) });

function assertPolicyId(policyId: unknown): void {
  if (typeof policyId !== 'string' || policyId === '') {
    throw new UsageError(`a policy id must be a non-empty string, not ${JSON.stringify(policyId)}`);
  }
}
