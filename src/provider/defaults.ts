/**
 * The bearer token the reference provider accepts when no `tokens` (or `--token`) are given. It is
 * public on purpose: the provider is a local fake, not a security boundary.
 */
export const DEFAULT_TOKEN = 'local-dev-token';

/** The device compliance policy that exists when no `policyIds` (or `--policy-id`) are given. */
export const DEFAULT_POLICY_ID = '11111111-2222-4333-8444-555555555555';

/** The port `serve` listens on when no `--port` is given. */
export const DEFAULT_PORT = 4010;

/** The host `serve` listens on when no `--host` is given: loopback only. */
export const DEFAULT_HOST = '127.0.0.1';

/** The largest request body accepted, in bytes (1 MiB); larger bodies get 413. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/** How many user statuses the store keeps (over all policies) before evicting the oldest. */
export const DEFAULT_STORE_CAPACITY = 10_000;

/**
 * How many bytes of user statuses (each as JSON, UTF-8) the store keeps, over all policies, before
 * evicting the oldest: 64 MiB. Names have no length limit, so counting statuses alone would let
 * 10,000 creates of 1 MiB keep 10 GB.
 */
export const DEFAULT_STORE_CAPACITY_BYTES = 67_108_864;

/** How many statuses a page of a listing holds when the client sends no `$top`. */
export const DEFAULT_PAGE_SIZE = 100;

/** The largest `$top` accepted; a larger one gets 400. */
export const MAX_PAGE_SIZE = 1_000;

/**
 * How many bytes of statuses (as JSON, UTF-8) a page of a listing holds at most, whatever `$top`
 * asks: 8 MiB. A page ends early, with an `@odata.nextLink`, but always holds at least one status.
 */
export const MAX_PAGE_BYTES = 8_388_608;

/**
 * How many header fields a request may carry; more get 431. Node's own limits apply before it:
 * 16 KiB of headers (`maxHeaderSize`), past which the provider also answers 431.
 */
export const MAX_REQUEST_HEADERS = 100;

/** How long a client may take to send a whole request body, in milliseconds, before a 408. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** The seed of the id generator (and of `preload`) when none is given. */
export const DEFAULT_PROVIDER_SEED = 1;
