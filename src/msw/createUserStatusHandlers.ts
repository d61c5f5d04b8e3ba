import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { UsageError } from '../errors';
import type { ClientRecord } from '../faults/RecordedRequest';
import { isConnectionResetError } from '../provider/createFaultyFetchHandle';
import {
  createFetchProviderOnClock,
  type FetchProviderOptions,
} from '../provider/createFetchProvider';
import { matchRoute } from '../provider/matchRoute';
import type { UserStatusStore } from '../provider/UserStatusStore';

/** Options of `createUserStatusHandlers`: where Graph is, and the reference provider's options. */
export interface UserStatusHandlersOptions extends Omit<FetchProviderOptions, 'enableStateRoute'> {
  /**
   * The origin the handlers answer for (scheme, host and port, no path): user statuses are served
   * under it with a `/v1.0` or `/beta` prefix, or none, as the reference provider serves them.
   * @defaultValue `'https://graph.microsoft.com'`
   */
  readonly baseUrl?: string;
}

/** MSW handlers serving Graph's user statuses, and the state behind them. */
export interface UserStatusHandlers {
  /** The handlers to give `setupServer(...)` (from `msw/node`) or `server.use(...)`. */
  readonly handlers: HttpHandler[];
  /** The statuses created through the handlers (read it in tests; requests are the way to change it). */
  readonly store: UserStatusStore;
  /**
   * What clients did, request by request, when `faults` or `record` is set (else always empty):
   * give it to `judgeClientBehaviour` or `expect(...).toBeResilientClient()`.
   */
  readonly record: ClientRecord;
  /**
   * Returns to the state at creation: only the configured policies exist, the store holds nothing
   * (or the `preload` statuses again, with the same ids), ids restart from the seed and the
   * throttle, if any, is full, and the fault ordinals and record restart. Call it in `afterEach`,
   * beside `server.resetHandlers()`.
   */
  reset(): void;
  /** Ensures the policy exists and empties the store (as a Pact provider state does). */
  setProviderState(state: { policyId: string }): void;
}

const DEFAULT_BASE_URL = 'https://graph.microsoft.com';

/**
 * Creates MSW 2 handlers that answer Graph's
 * `/deviceManagement/deviceCompliancePolicies/{id}/userStatuses[/{statusId}]` with the reference
 * provider itself (`createFetchProvider`): the same checks in the same order (401, 429, 404, 405,
 * 415, 413, 400 with Graph's error envelope), the same store, Location and OData headers. Any
 * other request, under another origin or another path, is left to your other handlers and to
 * MSW's `onUnhandledRequest`.
 *
 * With `faults`, the same fault model as the provider: a 429, 503 or 504 with Graph's envelope, a
 * reset as `HttpResponse.error()` (a network error for the client; `reset-after-store` stores the
 * create first), latency through MSW's `delay`.
 * @throws UsageError when `baseUrl` is not an http(s) origin, or a provider option is out of range.
 * @example
 * const graph = createUserStatusHandlers({ tokens: ['test-token'], policyIds: ['p1'] });
 * const server = setupServer(...graph.handlers);
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => graph.reset());
 * afterAll(() => server.close());
 */
export function createUserStatusHandlers(
  options: UserStatusHandlersOptions = {},
): UserStatusHandlers {
  const { baseUrl = DEFAULT_BASE_URL, ...providerOptions } = options;
  const origin = parseOrigin(baseUrl);
  // The state route is for Pact verification over HTTP; here `setProviderState` does its work.
  // Injected latency waits with MSW's `delay`.
  const provider = createFetchProviderOnClock(
    { ...providerOptions, enableStateRoute: false },
    { sleep: (ms) => delay(ms) },
  );
  const handler = http.all(
    ({ request }) => servesUserStatuses(request.url, origin),
    async ({ request }) => {
      try {
        return await provider.handle(request);
      } catch (error) {
        if (isConnectionResetError(error)) return HttpResponse.error();
        throw error;
      }
    },
  );
  return {
    handlers: [handler],
    store: provider.store,
    record: provider.record,
    reset: provider.reset,
    setProviderState: provider.setProviderState,
  };
}

/**
 * Whether a URL is one the provider answers for: under the origin, on a user status collection
 * or item (with a malformed percent-encoding too, which the provider answers with a 400). The
 * provider's own route matcher decides, so the handlers intercept exactly what it serves.
 */
function servesUserStatuses(url: string, origin: string): boolean {
  const parsed = new URL(url);
  if (parsed.origin !== origin) return false;
  const { kind } = matchRoute(parsed.pathname);
  return kind === 'collection' || kind === 'item' || kind === 'badEncoding';
}

function parseOrigin(baseUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new UsageError(`baseUrl must be an absolute http(s) URL, not ${JSON.stringify(baseUrl)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`baseUrl must be an http(s) URL, not ${JSON.stringify(baseUrl)}`);
  }
  if (parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '') {
    throw new UsageError(
      `baseUrl is an origin such as ${DEFAULT_BASE_URL}, without a path: /v1.0 and /beta are both ` +
        `served under it; not ${JSON.stringify(baseUrl)}`,
    );
  }
  return parsed.origin;
}
