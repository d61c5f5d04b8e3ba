// The `./pact` entry: everything Pact-related, apart from the main entry so that importing the
// toolkit does not load Pact. Pact is an optional peer dependency: the first import checks it is
// installed, before anything loads it.
import './requirePactPeer';
export { bundleOpenApiDocument } from './bundleOpenApiDocument';
export { comparePactWithOpenApi } from './comparePactWithOpenApi';
export type {
  ComparePactWithOpenApiOptions,
  InteractionComparison,
  PactComparison,
  PactComparisonFinding,
} from './comparePactWithOpenApi';
export { contractMatchers } from './contractMatchers';
export { createStateHandlers } from './createStateHandlers';
export type {
  ProviderStateHandler,
  ProviderStateHandlers,
  ProviderStateValues,
  StateHandlersOptions,
} from './createStateHandlers';
export {
  CREATE_USER_STATUS_INTERACTION_NAMES,
  createUserStatusInteractions,
} from './createUserStatusInteractions';
export type {
  ConsumerPactV4,
  CreateUserStatusExchanges,
  CreateUserStatusInteraction,
  CreateUserStatusInteractionName,
  CreateUserStatusInteractions,
  CreateUserStatusInteractionsOptions,
  PactV4InteractionWithResponse,
} from './createUserStatusInteractions';
export { formatVerificationReport } from './formatVerificationReport';
export { matchersFromSchema } from './matchersFromSchema';
export type { MatcherTree, MatchersFromSchemaOptions } from './matchersFromSchema';
export {
  DEFAULT_CONSUMER_NAME,
  DEFAULT_PACT_FILE,
  DEFAULT_PROVIDER_NAME,
  pactFileName,
  pactsDirectory,
} from './pactNames';
export {
  EXAMPLE_MISSING_POLICY_ID,
  EXAMPLE_POLICY_ID,
  POLICY_EXISTS,
  POLICY_MISSING,
  PROVIDER_STATES,
} from './providerStates';
export type { PolicyExistsParams, PolicyMissingParams } from './providerStates';
export type {
  InteractionVerification,
  StateSetupFailure,
  VerificationMismatch,
  VerificationReport,
} from './VerificationReport';
export { verifyProvider } from './verifyProvider';
export type { VerificationRun, VerifyProviderOptions } from './VerifyProviderOptions';
