/** Options of `verifyProvider`. */
export interface VerifyProviderOptions {
  /**
   * The provider's base URL; interaction paths are appended to it (`http://127.0.0.1:4010`, or
   * `https://graph.microsoft.com/v1.0` for Graph itself).
   */
  readonly baseUrl: string;
  /**
   * The bearer token put in every replayed request that carries an `Authorization` header.
   * Interactions recorded without one (the 401 case) are replayed without one.
   * @defaultValue `undefined` (the token recorded in the pact is sent)
   */
  readonly token?: string;
  /**
   * A device compliance policy that exists on the provider: each state's `policyId` is mapped to
   * it. Required unless `stateSetupUrl` is given.
   * @defaultValue `undefined`
   */
  readonly policyId?: string;
  /**
   * Where the provider sets states up: each state change is posted there as
   * `{ state, params, action }`, and the JSON answer supplies the values paths take.
   * @defaultValue `undefined` (states are not posted; see `policyId`)
   */
  readonly stateSetupUrl?: string;
  /**
   * Pact files, folders of pact files, or pact URLs.
   * @defaultValue this package's own pact, unless `brokerUrl` is given
   */
  readonly pacts?: readonly string[];
  /**
   * The provider's name, as pacts and the Pact Broker know it.
   * @defaultValue `'graph-user-statuses'`
   */
  readonly provider?: string;
  /**
   * A Pact Broker to fetch pacts from (for `provider`).
   * @defaultValue `undefined`
   */
  readonly brokerUrl?: string;
  /**
   * The Pact Broker's bearer token (also sent when fetching pact URLs).
   * @defaultValue `undefined` (the verifier falls back to `PACT_BROKER_TOKEN`)
   */
  readonly brokerToken?: string;
  /**
   * Which consumer versions' pacts to verify, as the Pact Broker defines selectors
   * (`[{ "mainBranch": true }, { "deployedOrReleased": true }]`).
   * @defaultValue `undefined` (the broker's default)
   */
  readonly consumerVersionSelectors?: readonly Readonly<Record<string, unknown>>[];
  /**
   * Verify pacts not yet verified by this provider as pending: their failures do not fail.
   * @defaultValue `false`
   */
  readonly enablePending?: boolean;
  /**
   * Also verify work-in-progress pacts published since this date (`YYYY-MM-DD`).
   * @defaultValue `undefined`
   */
  readonly includeWipPactsSince?: string;
  /**
   * Publish the results to the Pact Broker (needs `providerVersion`).
   * @defaultValue `false`
   */
  readonly publish?: boolean;
  /**
   * The provider version the results are published for (a commit SHA, typically).
   * @defaultValue `undefined`
   */
  readonly providerVersion?: string;
  /**
   * The provider's branch, published with the results and used by branch selectors.
   * @defaultValue `undefined`
   */
  readonly providerBranch?: string;
  /**
   * How long one request (or state change) may take, in milliseconds; the provider's first answer
   * (to the check that it is up) and a pact URL get as long. A request that takes longer fails its
   * interaction, as one whose provider closes the connection or answers more than 1 MiB does:
   * the failure names the cause.
   * @defaultValue `30000`
   */
  readonly timeoutMs?: number;
  /**
   * A budget for the whole verification, in seconds: once spent, no request is sent to the
   * provider any more, and the interactions left fail as not sent.
   * @defaultValue no limit
   */
  readonly maxTimeSeconds?: number;
  /**
   * Keep the bearer token in the report where the provider's answers echo it; by default it reads
   * `$TOKEN` there, as everywhere this package writes it.
   * @defaultValue `false`
   */
  readonly showToken?: boolean;
  /**
   * Stops the verification.
   * @defaultValue `undefined`
   */
  readonly signal?: AbortSignal;
  /**
   * Called once the options are checked and the provider answered, just before the pacts are
   * replayed (to say what is being verified).
   * @defaultValue `undefined`
   */
  readonly onStart?: (run: VerificationRun) => void;
}

/** What the verification worker receives: the options with every default applied. */
export type VerificationRun = Omit<
  VerifyProviderOptions,
  'signal' | 'onStart' | 'pacts' | 'provider' | 'showToken' | 'maxTimeSeconds'
> & {
  readonly pacts: readonly string[];
  readonly provider: string;
  readonly timeoutMs: number;
};
