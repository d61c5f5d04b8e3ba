import { isBearerToken } from '../../contracts/bearerToken';
import { OptionError } from '../../errors';
import { DEFAULT_PACT_FILE, DEFAULT_PROVIDER_NAME } from '../pactNames';
import type { VerificationRun, VerifyProviderOptions } from '../VerifyProviderOptions';
import { isHttpUrl } from '../isHttpUrl';

/**
 * Checks `verifyProvider`'s options, alone and together, and applies their defaults.
 * @throws OptionError naming the option at fault.
 */
export function checkVerifyProviderOptions(options: VerifyProviderOptions): VerificationRun {
  const {
    signal: _signal,
    onStart: _onStart,
    showToken: _showToken,
    maxTimeSeconds,
    pacts,
    provider,
    timeoutMs,
    ...rest
  } = options;
  checkUrl(options.baseUrl, 'baseUrl');
  if (options.stateSetupUrl !== undefined) checkUrl(options.stateSetupUrl, 'stateSetupUrl');
  if (options.brokerUrl !== undefined) checkUrl(options.brokerUrl, 'brokerUrl');
  if (options.policyId === undefined && options.stateSetupUrl === undefined) {
    throw new OptionError(
      'policyId',
      (name) =>
        `name a device compliance policy that exists on the provider with ${name('policyId')} (or let the provider set states up with ${name('stateSetupUrl')})`,
    );
  }
  if (options.policyId === '') {
    throw new OptionError('policyId', (name) => `${name('policyId')} must not be empty`);
  }
  if (timeoutMs !== undefined && !(timeoutMs >= 1)) {
    throw new OptionError(
      'timeoutMs',
      (name) => `${name('timeoutMs')} must be at least 1 (milliseconds), not ${timeoutMs}`,
    );
  }
  if (maxTimeSeconds !== undefined && !(maxTimeSeconds >= 0)) {
    throw new OptionError(
      'maxTimeSeconds',
      (name) => `${name('maxTimeSeconds')} must not be negative, not ${maxTimeSeconds}`,
    );
  }
  if (options.token !== undefined && !isBearerToken(options.token)) {
    throw new OptionError(
      'token',
      (name) =>
        `${name('token')} must be a bearer token (letters, digits and - . _ ~ + / only, optionally ending in =)`,
    );
  }
  const sources = pacts ?? (options.brokerUrl === undefined ? [DEFAULT_PACT_FILE] : []);
  const hasUrlSource = sources.some(isHttpUrl);
  const brokerOnly: ReadonlyArray<keyof VerifyProviderOptions> = [
    'consumerVersionSelectors',
    'enablePending',
    'includeWipPactsSince',
    'providerBranch',
  ];
  for (const key of brokerOnly) {
    if (options[key] !== undefined && options[key] !== false && options.brokerUrl === undefined) {
      throw new OptionError(
        key,
        (name) =>
          `${name(key)} only applies to pacts from a Pact Broker: give ${name('brokerUrl')} too`,
      );
    }
  }
  if (options.brokerToken !== undefined && options.brokerUrl === undefined && !hasUrlSource) {
    throw new OptionError(
      'brokerToken',
      (name) =>
        `${name('brokerToken')} needs ${name('brokerUrl')} (or a ${name('pacts')} URL on that broker)`,
    );
  }
  if (options.publish === true) {
    if (options.providerVersion === undefined || options.providerVersion === '') {
      throw new OptionError(
        'providerVersion',
        (name) =>
          `${name('publish')} needs ${name('providerVersion')} (e.g. the commit SHA) to publish results for`,
      );
    }
    if (options.brokerUrl === undefined && !hasUrlSource) {
      throw new OptionError(
        'brokerUrl',
        (name) =>
          `${name('publish')} sends results to a Pact Broker: give ${name('brokerUrl')} too`,
      );
    }
  } else if (options.providerVersion !== undefined && options.brokerUrl === undefined) {
    throw new OptionError(
      'providerVersion',
      (name) =>
        `${name('providerVersion')} is used with ${name('publish')} and ${name('brokerUrl')}`,
    );
  }
  if (options.includeWipPactsSince !== undefined && !isDate(options.includeWipPactsSince)) {
    throw new OptionError(
      'includeWipPactsSince',
      (name) =>
        `${name('includeWipPactsSince')} must be a date such as 2025-01-31, not ${JSON.stringify(options.includeWipPactsSince)}`,
    );
  }
  if (sources.length === 0 && options.brokerUrl === undefined) {
    throw new OptionError(
      'pacts',
      (name) => `no pact to verify: give ${name('pacts', 'FILE_OR_URL')} or ${name('brokerUrl')}`,
    );
  }
  return {
    ...rest,
    pacts: sources,
    provider: provider ?? DEFAULT_PROVIDER_NAME,
    timeoutMs: timeoutMs ?? 30_000,
  };
}

function checkUrl(value: string, option: string): void {
  if (!isHttpUrl(value)) {
    throw new OptionError(
      option,
      (name) =>
        `${name(option)} must be an http(s) URL such as http://127.0.0.1:4010, not ${JSON.stringify(value)}`,
    );
  }
}

function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
