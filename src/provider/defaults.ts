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

/** How long a client may take to send a whole request body, in milliseconds, before a 408. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** The seed of the id generator (and of `preload`) when none is given. */
export const DEFAULT_PROVIDER_SEED = 1;
