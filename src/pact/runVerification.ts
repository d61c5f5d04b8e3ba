import type { IncomingMessage, ServerResponse } from 'node:http';
// The verifier lives beside the matchers in the package root, which also loads the consumer DSL;
// importing its module alone keeps the worker's start-up to what verification needs.
import { Verifier } from '@pact-foundation/pact/src/dsl/verifier/verifier';
import type { VerifierOptions } from '@pact-foundation/pact/src/dsl/verifier/types';
import { createStateHandlers } from './createStateHandlers';
import type { StateSetupFailure } from './VerificationReport';
import type { VerificationWorkerMessage } from './VerificationWorkerMessage';
import type { VerificationRun } from './VerifyProviderOptions';

const VERIFIER_TIMEOUT_MARGIN_MS = 5_000;

/**
 * Runs Pact's verifier in this process (the verification worker's job): replays the pacts against
 * the provider with the state handlers and the bearer-token filter, and answers the verifier's JSON
 * result. Its native core prints to this process's standard output.
 */
export async function runVerification(run: VerificationRun): Promise<VerificationWorkerMessage> {
  const stateFailures: StateSetupFailure[] = [];
  const options: VerifierOptions = {
    providerBaseUrl: run.baseUrl,
    provider: run.provider,
    logLevel: 'error',
    // A little longer than a request or a state change may take: the guard in front of the
    // provider and the state handlers answer first, and their answers name the cause.
    timeout: run.timeoutMs + VERIFIER_TIMEOUT_MARGIN_MS,
    // The options type also admits message pacts' handlers; HTTP verification uses these only.
    stateHandlers: createStateHandlers({
      ...(run.policyId === undefined ? {} : { policyId: run.policyId }),
      ...(run.stateSetupUrl === undefined ? {} : { stateSetupUrl: run.stateSetupUrl }),
      timeoutMs: run.timeoutMs,
      onFailure: (failure) => stateFailures.push(failure),
    }) as NonNullable<VerifierOptions['stateHandlers']>,
    ...(run.token === undefined ? {} : { requestFilter: bearerTokenFilter(run.token) }),
    ...(run.pacts.length === 0 ? {} : { pactUrls: [...run.pacts] }),
    ...(run.brokerUrl === undefined ? {} : { pactBrokerUrl: run.brokerUrl }),
    ...(run.brokerToken === undefined ? {} : { pactBrokerToken: run.brokerToken }),
    ...(run.consumerVersionSelectors === undefined
      ? {}
      : {
          // Passed through as given: the broker, not this package, defines what a selector says.
          consumerVersionSelectors: run.consumerVersionSelectors.map((selector) => ({
            ...selector,
          })) as NonNullable<VerifierOptions['consumerVersionSelectors']>,
        }),
    ...(run.enablePending === undefined ? {} : { enablePending: run.enablePending }),
    ...(run.includeWipPactsSince === undefined
      ? {}
      : { includeWipPactsSince: run.includeWipPactsSince }),
    ...(run.publish === true ? { publishVerificationResult: true } : {}),
    ...(run.providerVersion === undefined ? {} : { providerVersion: run.providerVersion }),
    ...(run.providerBranch === undefined ? {} : { providerVersionBranch: run.providerBranch }),
  };
  let json: string;
  try {
    json = await new Verifier(options).verifyProvider();
  } catch (error) {
    // A failed verification rejects with the same JSON result as its message.
    const message = error instanceof Error ? error.message : String(error);
    if (!message.trimStart().startsWith('{')) return { kind: 'failed', message };
    json = message;
  }
  return { kind: 'done', json, stateFailures };
}

/**
 * Puts the user's bearer token in place of the recorded one. Requests recorded without an
 * `Authorization` header keep going without one, so the missing-token interaction still tests
 * the 401 (the request-filter approach Pact's own guides describe).
 */
function bearerTokenFilter(
  token: string,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, _res, next) => {
    if (req.headers.authorization !== undefined) req.headers.authorization = `Bearer ${token}`;
    next();
  };
}
