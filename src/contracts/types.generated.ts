// Generated from contracts/*.schema.json by `npm run generate:types`. Do not edit by hand:
// test/contracts/types.test.ts fails when this file drifts from the schemas.

/**
 * Compliance status (Graph enum complianceStatus, case-sensitive).
 */
export type ComplianceStatus =
  | 'unknown'
  | 'notApplicable'
  | 'compliant'
  | 'remediated'
  | 'nonCompliant'
  | 'error'
  | 'conflict'
  | 'notAssigned';
/**
 * Last reported time (Graph DateTimeOffset).
 */
export type DateTimeOffset = string;

/**
 * A deviceComplianceUserStatus as a server returns it (Microsoft Graph v1.0, Intune). Every property is present; the two names may be null. Keys containing '@' are OData instance annotations; any other unknown property is rejected.
 */
export interface DeviceComplianceUserStatus {
  /**
   * The OData type of the entity.
   */
  '@odata.type'?: '#microsoft.graph.deviceComplianceUserStatus';
  /**
   * The OData context URL.
   */
  '@odata.context'?: string;
  /**
   * Key of the entity, assigned by the service. Not necessarily a GUID nor lowercase (Graph uses three GUIDs joined by '_').
   */
  id: string;
  /**
   * The user's display name (Graph String, nullable).
   */
  userDisplayName: string | null;
  /**
   * Number of devices (Graph Int32).
   */
  devicesCount: number;
  status: ComplianceStatus;
  lastReportedDateTime: DateTimeOffset;
  /**
   * The user's principal name (Graph String, nullable).
   */
  userPrincipalName: string | null;
  /** OData instance annotations (any key containing "@"). */
  [annotation: `${string}@${string}`]: unknown;
}
/**
 * Profile 'documented' (the Create page): the five documented properties are required; the two names may be null; 'id' may be sent but the server assigns its own; '@odata.type', if sent, must name the entity; anything else is refused.
 */
export interface CreateUserStatusRequest {
  /**
   * The OData type of the entity.
   */
  '@odata.type'?: '#microsoft.graph.deviceComplianceUserStatus';
  /**
   * An id sent in a create body: Edm.String with no length facet. The service assigns the key, so a server may ignore it or refuse it; the toolkit's advice (listAdvisories, a warning) is to refuse an empty one.
   */
  id?: string;
  /**
   * The user's display name (Graph String, nullable).
   */
  userDisplayName: string | null;
  /**
   * Number of devices (Graph Int32).
   */
  devicesCount: number;
  status: ComplianceStatus;
  lastReportedDateTime: DateTimeOffset;
  /**
   * The user's principal name (Graph String, nullable).
   */
  userPrincipalName: string | null;
}
/**
 * Profile 'graph-metadata': the same types and nullability as 'documented', but every property optional, as Graph's published metadata allows.
 */
export interface CreateUserStatusRequestGraphMetadata {
  /**
   * The OData type of the entity.
   */
  '@odata.type'?: '#microsoft.graph.deviceComplianceUserStatus';
  /**
   * An id sent in a create body: Edm.String with no length facet. The service assigns the key, so a server may ignore it or refuse it; the toolkit's advice (listAdvisories, a warning) is to refuse an empty one.
   */
  id?: string;
  /**
   * The user's display name (Graph String, nullable).
   */
  userDisplayName?: string | null;
  /**
   * Number of devices (Graph Int32).
   */
  devicesCount?: number;
  status?: ComplianceStatus;
  lastReportedDateTime?: DateTimeOffset;
  /**
   * The user's principal name (Graph String, nullable).
   */
  userPrincipalName?: string | null;
}
/**
 * Microsoft Graph's error envelope. Graph may add properties (for example 'details' or 'target'), so extra keys are allowed; the documented ones are typed.
 */
export interface ODataError {
  error: MainError;
}
export interface MainError {
  /**
   * A machine-readable error code such as 'BadRequest'.
   */
  code: string;
  /**
   * A human-readable message.
   */
  message: string;
  target?: string | null;
  details?: unknown[];
  innerError: InnerError;
}
export interface InnerError {
  /**
   * When the error happened; Graph usually writes it without offset or fraction ('2021-09-02T21:52:54').
   */
  date: string;
  /**
   * The request-id response header.
   */
  'request-id': string;
  /**
   * The client's client-request-id, or equal to request-id.
   */
  'client-request-id'?: string;
}
