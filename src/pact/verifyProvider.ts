import { ConnectionError, fieldName, type OptionNamer } from '../errors';
import { redactSecret } from '../redactSecret';
import { checkPactSource } from './_internals/checkPactSource';
import { checkReachable } from './_internals/checkReachable';
import { checkVerifyProviderOptions } from './_internals/checkVerifyProviderOptions';
import type { TimeLimit } from './_internals/describeRequestFailure';
import { isHttpUrl } from './isHttpUrl';
import { runVerificationWorker } from './_internals/runVerificationWorker';
import { clipVerificationReport } from './clipVerificationReport';
import { expandPactFolders } from './expandPactFolders';
import { parseVerifierResult } from './parseVerifierResult';
import { redactVerificationReport } from './redactVerificationReport';
import { startProviderGuard } from './startProviderGuard';
import type { VerificationReport } from './VerificationReport';
import type { VerificationWorkerMessage } from './VerificationWorkerMessage';
import type { VerificationRun, VerifyProviderOptions } from './VerifyProviderOptions';

// setTimeout's (and so AbortSignal.timeout's) largest delay.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Verifies a provider against pacts: replays each interaction, with its provider state, and
 * reports every interaction as passed or failed with each mismatch's place, expected and actual.
 * Pact's verifier prints its own report to the process's standard output from native code, so it
 * runs in a child process whose output is kept in `report.output` instead. It talks to the
 * provider through a guard (`startProviderGuard`) that bounds each answer's time and size. The
 * bearer token reads `$TOKEN` in the report unless `showToken`, and long texts are cut (4096
 * characters each).
 * @throws UsageError for contradictory options; InputError for an unreadable pact;
 * ConnectionError when the provider (or a pact URL) cannot be reached.
 * @example
 * const report = await verifyProvider({ baseUrl: 'http://127.0.0.1:4010', token: 't', policyId: 'p' });
 * if (!report.passed) console.log(report.interactions.filter((i) => !i.passed));
 */
export async function verifyProvider(options: VerifyProviderOptions): Promise<VerificationReport> {
  return verifyProviderNamingOptions(options, fieldName);
}

/**
 * `verifyProvider`, with the report's texts naming options as `name` says (the CLI names them by
 * their flags, `--request-timeout` for `timeoutMs`). Errors name them through `messageNaming`.
 */
export async function verifyProviderNamingOptions(
  options: VerifyProviderOptions,
  name: OptionNamer,
): Promise<VerificationReport> {
  const started = performance.now();
  const checked = checkVerifyProviderOptions(options);
  const deadline =
    options.maxTimeSeconds === undefined ? Infinity : started + options.maxTimeSeconds * 1000;
  const limit = (): TimeLimit => {
    const left = deadline - performance.now();
    return left < checked.timeoutMs
      ? { ms: Math.max(1, Math.round(left)), byBudget: true }
      : { ms: Math.min(checked.timeoutMs, MAX_TIMER_MS), byBudget: false };
  };
  const run: VerificationRun = { ...checked, pacts: await expandPactFolders(checked.pacts) };
  // Local pact files first: an unreadable one is refused before anything is sent anywhere.
  const urls = run.pacts.filter(isHttpUrl);
  const files = run.pacts.filter((pact) => !isHttpUrl(pact));
  await Promise.all(files.map((pact) => checkPactSource(pact, run.brokerToken, limit())));
  await Promise.all([
    checkReachable(run.baseUrl, 'the provider', 'baseUrl', limit()),
    run.stateSetupUrl === undefined
      ? Promise.resolve()
      : checkReachable(run.stateSetupUrl, 'the state setup URL', 'stateSetupUrl', limit()),
    run.brokerUrl === undefined
      ? Promise.resolve()
      : checkReachable(run.brokerUrl, 'the Pact Broker', 'brokerUrl', limit()),
    ...urls.map((pact) => checkPactSource(pact, run.brokerToken, limit())),
  ]);
  options.onStart?.(run);
  const guard = await startProviderGuard({
    baseUrl: run.baseUrl,
    timeoutMs: run.timeoutMs,
    deadline,
    optionName: name,
  });
  let answer: VerificationWorkerMessage;
  try {
    answer = await runVerificationWorker({ ...run, baseUrl: guard.url }, options.signal);
  } finally {
    await guard.close();
  }
  const { token } = run;
  const hideToken = token !== undefined && options.showToken !== true;
  if (answer.kind === 'failed') {
    const message = hideToken ? redactSecret(answer.message, token) : answer.message;
    throw new ConnectionError(
      run.baseUrl,
      `the verification could not run: ${message.length > 4096 ? `${message.slice(0, 4096)}...` : message}`,
    );
  }
  const report = parseVerifierResult(answer.json, answer.stateFailures, guard.problems);
  return clipVerificationReport(hideToken ? redactVerificationReport(report, token) : report);
}
