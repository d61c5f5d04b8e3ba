/** The fuzzer's checks, by name: the names `checks` and `excludeChecks` take. */
export const CHECK_NAMES = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'positive_data_acceptance',
  'negative_data_rejection',
  'malformed_json_rejection',
  'create_echo',
  'ensure_resource_availability',
  'ignored_auth',
  'unknown_parent',
  'unsupported_media_type',
  'unsupported_method',
  'use_after_free',
  'max_response_time',
] as const;

/** One check's name. */
export type CheckName = (typeof CHECK_NAMES)[number];
