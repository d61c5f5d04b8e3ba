/** One way a provider's answer differed from what a pact interaction expects. */
export interface VerificationMismatch {
  /** What differed: the status, a header, the body, or an error that kept the check from running. */
  readonly kind: 'status' | 'header' | 'body' | 'other' | 'error';
  /**
   * Where: a JSON path into the body (`$.devicesCount`), `status`, or `header <name>`; `''` when
   * the mismatch has no place (an error, a body of the wrong kind).
   */
  readonly path: string;
  /** What the pact expects, as the verifier renders it (JSON for body values). */
  readonly expected: string;
  /** What the provider answered, rendered the same way. */
  readonly actual: string;
  /** The verifier's sentence about it. */
  readonly message: string;
}

/** The outcome of verifying one interaction. */
export interface InteractionVerification {
  /** The interaction's description in the pact. */
  readonly description: string;
  /** The provider states the interaction was verified in (their names). */
  readonly providerStates: readonly string[];
  /** Whether the provider answered as the pact expects. */
  readonly passed: boolean;
  /** Whether the interaction is pending (its failure does not fail the verification). */
  readonly pending: boolean;
  /**
   * Every mismatch found, in the verifier's order (empty when it passed; the first 50, each text
   * cut at 4096 characters). A request that timed out, whose connection the provider closed, or
   * whose answer was too large has one `error` mismatch naming that cause instead.
   */
  readonly mismatches: readonly VerificationMismatch[];
}

/** A provider state that could not be set up, so the interactions in it ran without it. */
export interface StateSetupFailure {
  /** The state's name. */
  readonly state: string;
  /** `setup` or `teardown`. */
  readonly action: string;
  /** Why it failed. */
  readonly message: string;
}

/** Everything a provider verification found. */
export interface VerificationReport {
  /** Whether every (non-pending) interaction passed and every provider state could be set up. */
  readonly passed: boolean;
  /** One entry per interaction verified, in the order they ran. */
  readonly interactions: readonly InteractionVerification[];
  /** Provider states that could not be set up. */
  readonly stateFailures: readonly StateSetupFailure[];
  /** Notices from the verifier or the Pact Broker (for example about pending and WIP pacts). */
  readonly notices: readonly string[];
  /** The verifier's own report, line by line, without colour codes (the first 500 lines). */
  readonly output: readonly string[];
}
