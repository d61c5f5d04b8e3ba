// The public entry of user-status-contracts: named exports only. Pact lives behind
// `user-status-contracts/pact` (src/pact/index.ts) so that this entry never loads its native core.

// Contracts and derived types
export {
  CONTRACT_FILES,
  CONTRACT_NAMES,
  REQUEST_PROFILES,
  contractSchema,
} from './contracts/registry';
export type { ContractName, RequestProfile } from './contracts/registry';
export { contractsDirectory } from './contracts/contractsDirectory';
export { COMPLIANCE_STATUSES, USER_STATUS_ODATA_TYPE } from './contracts/complianceStatuses';
export type { ContractValue } from './contracts/ContractValue';
export type {
  ComplianceStatus,
  CreateUserStatusRequest,
  CreateUserStatusRequestGraphMetadata,
  DateTimeOffset,
  DeviceComplianceUserStatus,
  InnerError,
  MainError,
  ODataError,
} from './contracts/types.generated';

// Errors
export {
  ConnectionError,
  ContractViolationError,
  FaultSpecError,
  GraphRequestError,
  InputError,
  MissingPeerError,
  OptionError,
  OutputError,
  UsageError,
  UserStatusContractsError,
} from './errors';
export type { OptionMessage } from './errors';

// Validator
export { assertValid } from './validator/assertValid';
export { check } from './validator/check';
export { isCreateUserStatusRequest } from './validator/isCreateUserStatusRequest';
export { isDateTimeOffset } from './validator/isDateTimeOffset';
export { isODataError } from './validator/isODataError';
export { isUserStatus } from './validator/isUserStatus';
export { listAdvisories } from './validator/listAdvisories';
export { listIssues } from './validator/listIssues';
export type { ValidationIssue } from './contracts/ValidationIssue';
export type { ValidationOptions } from './validator/ValidationOptions';

// Factories
export { createUserStatusRequestFactory } from './factories/createUserStatusRequestFactory';
export { FACTORY_TRAITS } from './factories/factoryTraits';
export type { FactoryTrait } from './factories/factoryTraits';
export { formatGraphDateTime } from './factories/formatGraphDateTime';
export { REFERENCE_DATE } from './factories/referenceDate';
export { DEFAULT_FACTORY_SEED, StatusFactory } from './factories/StatusFactory';
export type {
  StatusFactoryBuildOptions,
  StatusFactoryTransientParams,
} from './factories/StatusFactory';
export { userStatusFactory } from './factories/userStatusFactory';

// Arbitraries
export { asPropertyExamples } from './arbitraries/asPropertyExamples';
export { complianceStatusArbitrary } from './arbitraries/complianceStatusArbitrary';
export {
  createUserStatusRequestArbitrary,
  createUserStatusRequestExamples,
} from './arbitraries/createUserStatusRequestArbitrary';
export type { CreateUserStatusRequestArbitraryOptions } from './arbitraries/createUserStatusRequestArbitrary';
export {
  DATE_TIME_OFFSET_EDGE_CASES,
  dateTimeOffsetArbitrary,
} from './arbitraries/dateTimeOffsetArbitrary';
export { INT32_EDGE_CASES, int32Arbitrary } from './arbitraries/int32Arbitrary';
export { INT32_MAX, INT32_MIN } from './arbitraries/int32Bounds';
export {
  invalidCreateUserStatusRequestArbitrary,
  invalidCreateUserStatusRequestExamples,
  REQUEST_MUTATIONS,
} from './arbitraries/invalidCreateUserStatusRequestArbitrary';
export type { InvalidCreateUserStatusRequestArbitraryOptions } from './arbitraries/invalidCreateUserStatusRequestArbitrary';
export type {
  InvalidCreateUserStatusRequest,
  RequestMutation,
  RequestViolation,
} from './arbitraries/InvalidCreateUserStatusRequest';
export {
  DEEP_NESTING_DEPTH,
  HUGE_STRING_LENGTH,
  malformedJsonBodyArbitrary,
  malformedJsonBodyExamples,
} from './arbitraries/malformedJsonBodyArbitrary';
export type { MalformedJsonBodyArbitraryOptions } from './arbitraries/malformedJsonBodyArbitrary';
export type { MalformedJsonBody, MalformedJsonLabel } from './arbitraries/MalformedJsonBody';
export { userStatusArbitrary, userStatusExamples } from './arbitraries/userStatusArbitrary';
export type { UserStatusArbitraryOptions } from './arbitraries/userStatusArbitrary';

// Fault model (consumer resilience)
export { FAULT_KINDS } from './faults/Fault';
export type { Fault, FaultKind, FaultStatusKind, ScheduledFault } from './faults/Fault';
export type { FaultSchedule, FaultScheduleSource } from './faults/FaultSchedule';
export { noFaults } from './faults/noFaults';
export { FAULT_SPEC_SYNTAX, parseFaultSpec } from './faults/parseFaultSpec';
export type { FaultRate } from './faults/parseFaultSpec';
export { faultScheduleFromSpec } from './faults/faultScheduleFromSpec';
export { faultScheduleFromList } from './faults/faultScheduleFromList';
export { faultScheduleArbitrary } from './faults/faultScheduleArbitrary';
export type { FaultScheduleArbitraryOptions } from './faults/faultScheduleArbitrary';
export { describeFaultPlan } from './faults/describeFaultPlan';
export { formatFault } from './faults/formatFault';
export type { ClientRecord, RecordedRequest } from './faults/RecordedRequest';
export { CLIENT_RULES } from './faults/ClientFinding';
export type { ClientFinding, ClientRule } from './faults/ClientFinding';
export { DEFAULT_MAX_RETRIES, judgeClientBehaviour } from './faults/judgeClientBehaviour';
export type { ClientBehaviourOptions, ConsumerOutcome } from './faults/judgeClientBehaviour';
export { formatRequestSequence } from './faults/formatRequestSequence';

// Client
export { createUserStatusClient, GRAPH_V1_BASE_URL } from './client/createUserStatusClient';
export type {
  CreateUserStatusCallOptions,
  FetchLike,
  FetchLikeResponse,
  UserStatusClient,
  UserStatusClientOptions,
} from './client/createUserStatusClient';

// Reference provider
export { createProvider } from './provider/createProvider';
export type { Provider, ProviderAddress } from './provider/createProvider';
export type { ProviderOptions } from './provider/ProviderOptions';
export { createFetchProvider } from './provider/createFetchProvider';
export type { FetchProvider, FetchProviderOptions } from './provider/createFetchProvider';
export { DEFAULT_POLICY_ID, DEFAULT_PORT, DEFAULT_TOKEN } from './provider/defaults';
export type { RequestLogLine } from './provider/RequestLogLine';
export type { FaultEvent } from './provider/FaultEvent';
export { UserStatusStore } from './provider/UserStatusStore';

// Consumer resilience under faults (virtual time, in-process provider)
export { assertResilient } from './resilience/assertResilient';
export type { AssertResilientOptions } from './resilience/assertResilient';
export { runWithFaults } from './resilience/runWithFaults';
export type { FaultRun, RunWithFaultsOptions } from './resilience/runWithFaults';
export type { ResilienceConsumer, ResilienceContext } from './resilience/ResilienceConsumer';
export { ResilienceError } from './resilience/ResilienceError';

// Fuzzer
export { CHECK_NAMES } from './fuzz/CheckName';
export type { CheckName } from './fuzz/CheckName';
export { fuzz } from './fuzz/fuzz';
export type { FuzzOptions, FuzzProgress } from './fuzz/fuzz';
export type { CheckSummary, FuzzFinding, FuzzReport, RootCause } from './fuzz/FuzzReport';
export type { CheckRule, FindingLevel, RuleSource } from './fuzz/CheckRule';
export { ALL_CHECKS } from './fuzz/checks/index';
export type { FuzzCheck as Check } from './fuzz/FuzzCheck';
export { compareWithBaseline, loadBaseline, saveBaseline } from './fuzz/baselineFile';
export type { BaselineComparison, BaselineEntry, BaselineFile } from './fuzz/baselineFile';
export { replay } from './fuzz/replay';
export type { ReplayOptions, ReplayResult } from './fuzz/replay';
