import { UsageError } from '../errors';
import type { VerifyProviderOptions } from '../pact/VerifyProviderOptions';
import type { CliIo } from './CliIo';
import { parseInteger } from './parseOptionValues';

/** The flags of `verify`, as commander parses them. */
export interface VerifyFlags {
  readonly baseUrl: string;
  readonly token?: string;
  readonly policyId?: string;
  readonly pact?: string[];
  readonly provider?: string;
  readonly brokerUrl?: string;
  readonly brokerToken?: string;
  readonly consumerVersionSelectors?: string;
  readonly enablePending?: boolean;
  readonly includeWipSince?: string;
  readonly publish?: boolean;
  readonly providerVersion?: string;
  readonly providerBranch?: string;
  readonly stateSetupUrl?: string;
  readonly showToken?: boolean;
  readonly requestTimeout?: string;
  readonly report: string[];
}

/**
 * `verifyProvider`'s options from `verify`'s flags, with the Pact Broker's URL and token taken from
 * the environment where the flags leave them out.
 * @throws UsageError for a flag value that cannot be parsed.
 */
export function verifyProviderOptionsFromFlags(
  flags: VerifyFlags,
  io: CliIo,
): VerifyProviderOptions {
  // The environment's broker is a default for a run that names no pact of its own.
  const brokerUrl =
    flags.brokerUrl ??
    (flags.pact === undefined ? nonEmpty(io.env['PACT_BROKER_BASE_URL']) : undefined);
  // The environment's token is only a default for a broker the run uses.
  const brokerToken =
    flags.brokerToken ??
    (brokerUrl === undefined ? undefined : nonEmpty(io.env['PACT_BROKER_TOKEN']));
  return {
    baseUrl: flags.baseUrl,
    ...(flags.token === undefined ? {} : { token: flags.token }),
    ...(flags.policyId === undefined ? {} : { policyId: flags.policyId }),
    ...(flags.pact === undefined ? {} : { pacts: flags.pact }),
    ...(flags.provider === undefined ? {} : { provider: flags.provider }),
    ...(flags.stateSetupUrl === undefined ? {} : { stateSetupUrl: flags.stateSetupUrl }),
    ...(brokerUrl === undefined ? {} : { brokerUrl }),
    ...(brokerToken === undefined ? {} : { brokerToken }),
    ...(flags.consumerVersionSelectors === undefined
      ? {}
      : { consumerVersionSelectors: parseSelectors(flags.consumerVersionSelectors) }),
    ...(flags.enablePending === true ? { enablePending: true } : {}),
    ...(flags.includeWipSince === undefined ? {} : { includeWipPactsSince: flags.includeWipSince }),
    ...(flags.publish === true ? { publish: true } : {}),
    ...(flags.providerVersion === undefined ? {} : { providerVersion: flags.providerVersion }),
    ...(flags.providerBranch === undefined ? {} : { providerBranch: flags.providerBranch }),
    ...(flags.showToken === true ? { showToken: true } : {}),
    ...(flags.requestTimeout === undefined
      ? {}
      : { timeoutMs: parseInteger(flags.requestTimeout, '--request-timeout', { min: 1 }) }),
  };
}

function parseSelectors(text: string): Readonly<Record<string, unknown>>[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(
      `--consumer-version-selectors must be JSON, e.g. '[{"mainBranch":true}]', not ${JSON.stringify(text)}`,
    );
  }
  const selectors = Array.isArray(value) ? (value as unknown[]) : [value];
  if (
    selectors.length === 0 ||
    !selectors.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
  ) {
    throw new UsageError(
      '--consumer-version-selectors must be a JSON object or a non-empty array of objects, e.g. \'[{"mainBranch":true}]\'',
    );
  }
  return selectors as Readonly<Record<string, unknown>>[];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
