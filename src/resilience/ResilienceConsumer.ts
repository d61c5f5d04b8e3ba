/** What a consumer under `assertResilient` or `runWithFaults` gets: Graph, and time. */
export interface ResilienceContext {
  /**
   * Sends a request to the in-process reference provider, faults applied: a reset rejects as
   * `fetch` does (`TypeError: fetch failed`). A path alone (`/v1.0/...`) is resolved against
   * `baseUrl`.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Waits `ms` milliseconds of virtual time: `sleep(120_000)` returns at once in wall time. */
  sleep(ms: number): Promise<void>;
  /** Virtual milliseconds since the run started (the record's clock). */
  now(): number;
  /** Graph's origin, `https://graph.microsoft.com`. */
  readonly baseUrl: string;
  /** A bearer token the provider accepts. */
  readonly token: string;
  /** A policy that exists. */
  readonly policyId: string;
  /** `${baseUrl}/v1.0/deviceManagement/deviceCompliancePolicies/${policyId}/userStatuses`. */
  readonly collectionUrl: string;
}

/**
 * The consumer's own code, run once per schedule: it may return the ids of the statuses it
 * believes it created (checked by the `reported-creates-exist` oracle), and should throw when it
 * gives up.
 */
export type ResilienceConsumer = (
  context: ResilienceContext,
) => Promise<readonly string[] | void> | readonly string[] | void;
