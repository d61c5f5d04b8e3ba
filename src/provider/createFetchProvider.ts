import type { ClientRecord } from '../faults/RecordedRequest';
import { createFaultyFetchHandle, type FetchHandle } from './createFaultyFetchHandle';
import type { FaultClock } from './FaultInjector';
import { createFetchExchange } from './_internals/createFetchExchange';
import { createProviderCore } from './_internals/createProviderCore';
import { createRequestHandler } from './_internals/createRequestHandler';
import type { ProviderOptions } from './ProviderOptions';
import type { UserStatusStore } from './UserStatusStore';

/**
 * Options of `createFetchProvider`: the reference provider's own, but for `requestTimeoutMs`
 * (there is no connection to time out).
 */
export type FetchProviderOptions = Omit<ProviderOptions, 'requestTimeoutMs'>;

/** The reference provider as a fetch handler: WHATWG `Request` in, `Response` out, no server. */
export interface FetchProvider {
  /**
   * Answers one request exactly as the `node:http` provider does (the same handler runs), routing
   * on the URL's path and query whatever its origin. Rejects only when the request body fails to
   * arrive (an aborted request), which has no answer, and on an injected connection reset (a
   * `TypeError: fetch failed`, as `fetch` rejects).
   */
  handle(request: Request): Promise<Response>;
  /** Ensures the policy exists and empties the store (a Pact provider state). */
  setProviderState(state: { policyId: string }): void;
  /**
   * Returns to the state at creation: only the configured policies exist, the store holds nothing
   * (or the `preload` statuses again, with the same ids), ids restart from the seed, the
   * throttle, if any, is full, and the fault ordinals and record restart.
   */
  reset(): void;
  /** The provider's store (read it in tests; requests are the way to change it). */
  readonly store: UserStatusStore;
  /**
   * What clients did, request by request, when `faults` or `record` is set (else always empty):
   * give it to `judgeClientBehaviour` or `expect(...).toBeResilientClient()`.
   */
  readonly record: ClientRecord;
}

/**
 * Creates the reference provider as a fetch handler, for MSW, a fetch-based server or a direct
 * call in a unit test. Same rules, errors, headers and store as `createProvider`: both build on
 * one request handler and one option check.
 * @throws UsageError when an option is out of range, as `createProvider` does.
 * @example
 * const provider = createFetchProvider({ policyIds: ['p1'] });
 * const response = await provider.handle(
 *   new Request('https://graph.microsoft.com/v1.0/deviceManagement/deviceCompliancePolicies/p1/userStatuses', {
 *     method: 'POST',
 *     headers: { authorization: 'Bearer local-dev-token', 'content-type': 'application/json' },
 *     body: JSON.stringify(createUserStatusRequestFactory.build()),
 *   }),
 * );
 * response.status; // 201
 */
export function createFetchProvider(options: FetchProviderOptions = {}): FetchProvider {
  return createFetchProviderOnClock(options, {});
}

/**
 * `createFetchProvider`, with faults waiting and recording by another clock: MSW's `delay`, or the
 * virtual clock of `runWithFaults`.
 */
export function createFetchProviderOnClock(
  options: FetchProviderOptions,
  faultClock: FaultClock,
): FetchProvider {
  const core = createProviderCore(options, faultClock);
  const handler = createRequestHandler(core.handlerConfig);
  const { maxBodyBytes } = core.handlerConfig;
  const plain: FetchHandle = (request) => {
    const exchange = createFetchExchange(request, maxBodyBytes);
    handler(exchange.req, exchange.res);
    return exchange.response;
  };
  return {
    // Chosen once: without faults or recording, requests meet no fault check at all.
    handle:
      core.injector === undefined
        ? plain
        : createFaultyFetchHandle(plain, core.injector, maxBodyBytes, options.onRequest),
    setProviderState: core.setProviderState,
    reset: core.reset,
    store: core.store,
    record: core.record,
  };
}
