/**
 * The command-line flag of each library option field (or function, like `saveBaseline`) that errors
 * and fuzzing reports name: the one place the CLI maps
 * `fuzz()` and `verifyProvider()` options to its flags, so its messages say `--base-url` where the
 * library says `baseUrl`.
 */
export const OPTION_FLAGS: Readonly<Record<string, string>> = {
  allowRemote: '--allow-remote',
  baseUrl: '--base-url',
  brokerToken: '--broker-token',
  brokerUrl: '--broker-url',
  checks: '--checks',
  concurrency: '--concurrency',
  consumerVersionSelectors: '--consumer-version-selectors',
  enablePending: '--enable-pending',
  excludeChecks: '--exclude-checks',
  includeWipPactsSince: '--include-wip-since',
  maxResponseTimeMs: '--max-response-time',
  maxTimeSeconds: '--max-time',
  pacts: '--pact',
  policyId: '--policy-id',
  providerBranch: '--provider-branch',
  providerVersion: '--provider-version',
  publish: '--publish',
  rateLimit: '--rate-limit',
  requestTimeoutMs: '--request-timeout',
  runs: '--runs',
  saveBaseline: '--save-baseline',
  seed: '--seed',
  shard: '--shard',
  showToken: '--show-token',
  stateSetupUrl: '--state-setup-url',
  timeoutMs: '--request-timeout',
  token: '--token',
};

/** Names an option as the CLI takes it: its flag, followed by `argument` when given (`--pact FILE_OR_URL`). */
export function optionFlag(option: string, argument?: string): string {
  const flag = Object.hasOwn(OPTION_FLAGS, option) ? OPTION_FLAGS[option] : undefined;
  if (flag === undefined) return option;
  return argument === undefined ? flag : `${flag} ${argument}`;
}
