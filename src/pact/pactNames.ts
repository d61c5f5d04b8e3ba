import { join } from 'node:path';

/** The consumer name this package's own pact is recorded under. */
export const DEFAULT_CONSUMER_NAME = 'user-status-client';

/** The provider name this package's own pact is recorded under. */
export const DEFAULT_PROVIDER_NAME = 'graph-user-statuses';

/** The file name Pact gives the pact between a consumer and a provider: `<consumer>-<provider>.json`. */
export function pactFileName(consumer: string, provider: string): string {
  return `${consumer}-${provider}.json`;
}

/** Absolute path of the `pacts/` folder shipped with the package. */
export const pactsDirectory: string = join(__dirname, '..', '..', 'pacts');

/** Absolute path of this package's own pact (written by its consumer tests, shipped in `pacts/`). */
export const DEFAULT_PACT_FILE: string = join(
  pactsDirectory,
  pactFileName(DEFAULT_CONSUMER_NAME, DEFAULT_PROVIDER_NAME),
);
