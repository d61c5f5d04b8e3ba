// The matchers' own module at run time (the package root also loads the verifier, whose ESM-only
// proxy agent Jest cannot require); types only from the package root, which semver covers.
import type { PactV4 } from '@pact-foundation/pact';
import * as MatchersV3 from '@pact-foundation/pact/src/v3/matchers';
import type {
  CreateUserStatusRequest,
  DeviceComplianceUserStatus,
  ODataError,
} from '../contracts/types.generated';
import { UsageError } from '../errors';
import { createUserStatusRequestFactory } from '../factories/createUserStatusRequestFactory';
import { userStatusFactory } from '../factories/userStatusFactory';
import { contractMatchers } from './contractMatchers';
import type { MatcherTree } from './matchersFromSchema';
import {
  EXAMPLE_MISSING_POLICY_ID,
  EXAMPLE_POLICY_ID,
  POLICY_EXISTS,
  POLICY_MISSING,
  type PolicyExistsParams,
  type PolicyMissingParams,
} from './providerStates';

/** The names of the create interactions, one per behaviour a consumer relies on. */
export type CreateUserStatusInteractionName =
  'created' | 'createdWithoutNames' | 'invalidBody' | 'unknownPolicy' | 'missingBearer';

/** Every create interaction name, in the order the interactions are documented. */
export const CREATE_USER_STATUS_INTERACTION_NAMES: readonly CreateUserStatusInteractionName[] = [
  'created',
  'createdWithoutNames',
  'invalidBody',
  'unknownPolicy',
  'missingBearer',
];

/** A Pact V4 consumer pact (`new PactV4(...)` of `@pact-foundation/pact`), as far as `addTo` uses it. */
export type ConsumerPactV4 = Pick<PactV4, 'addInteraction'>;

/** An interaction added to a Pact V4 pact with its response: run it with `executeTest`. */
export type PactV4InteractionWithResponse = ReturnType<
  ReturnType<ReturnType<PactV4['addInteraction']>['withRequest']>['willRespondWith']
>;

/** What each create interaction sends (`body`) and answers (`responseBody`), by name. */
export interface CreateUserStatusExchanges {
  readonly created: {
    readonly body: CreateUserStatusRequest;
    readonly responseBody: DeviceComplianceUserStatus;
  };
  readonly createdWithoutNames: {
    readonly body: CreateUserStatusRequest;
    readonly responseBody: DeviceComplianceUserStatus;
  };
  /** The body breaks the contract on purpose (`devicesCount` is a string): no type describes it. */
  readonly invalidBody: {
    readonly body: unknown;
    readonly responseBody: ODataError;
  };
  readonly unknownPolicy: {
    readonly body: CreateUserStatusRequest;
    readonly responseBody: ODataError;
  };
  readonly missingBearer: {
    readonly body: CreateUserStatusRequest;
    readonly responseBody: ODataError;
  };
}

/** The create interactions by name, each with its own body and response body types. */
export type CreateUserStatusInteractions = {
  readonly [N in CreateUserStatusInteractionName]: CreateUserStatusInteraction<
    CreateUserStatusExchanges[N]['body'],
    CreateUserStatusExchanges[N]['responseBody']
  >;
};

/** One create interaction: what the consumer sends and what it expects back, ready for a pact. */
export interface CreateUserStatusInteraction<
  Body = unknown,
  ResponseBody extends DeviceComplianceUserStatus | ODataError =
    DeviceComplianceUserStatus | ODataError,
> {
  /** The interaction's description in the pact (unique among the create interactions). */
  readonly description: string;
  /** The provider state the interaction needs, and its params. */
  readonly state: {
    readonly name: string;
    readonly params: PolicyExistsParams | PolicyMissingParams;
  };
  /** The policy id the consumer's test must call (the state's example id). */
  readonly policyId: string;
  /** The bearer token the consumer's test must send, or `undefined` for none. */
  readonly token: string | undefined;
  /** The body the consumer's test must send (the invalid one for `invalidBody`). */
  readonly body: Body;
  /** The status the provider must answer. */
  readonly status: number;
  /** The example response body the mock server answers (what the matchers are built from). */
  readonly responseBody: ResponseBody;
  /** Adds the interaction to a pact (any consumer and provider names); run it with `executeTest`. */
  addTo(pact: ConsumerPactV4): PactV4InteractionWithResponse;
}

/** Options of `createUserStatusInteractions`. */
export interface CreateUserStatusInteractionsOptions {
  /**
   * The seed of the factories the example bodies come from (the same seed gives the same pact).
   * @defaultValue `1`
   */
  readonly seed?: number;
  /**
   * The bearer token the consumer sends in the examples (verification replaces it).
   * @defaultValue `'example-token'`
   */
  readonly token?: string;
  /**
   * What comes before `/deviceManagement` in the path: `''` for a client whose base URL ends with
   * the version (`https://graph.microsoft.com/v1.0`), `'/v1.0'` for one whose base URL is the host.
   * @defaultValue `''`
   */
  readonly pathPrefix?: string;
}

const JSON_CONTENT_TYPE = 'application/json';
// Graph adds OData parameters (`;odata.metadata=minimal;...`); only the media type is relied on.
const JSON_RESPONSE_CONTENT_TYPE = MatchersV3.regex(
  '^application/json\\s*(;.*)?$',
  'application/json',
);
const BEARER = '^Bearer \\S+$';
const EXAMPLE_ERROR_DATE = '2025-12-12T04:41:01';
const EXAMPLE_REQUEST_ID = '7b0c5a8e-3f1d-4e2a-9c6b-5d4e3f2a1b0c';

/**
 * The create interactions (`POST .../deviceCompliancePolicies/{id}/userStatuses`): a full create
 * answered 201; a create with null names answered 201 (Pact cannot say "string or null", so null
 * names are their own interaction); an invalid body answered 400 with Graph's error envelope; an
 * unknown policy answered 404; a missing bearer answered 401. Example bodies come from the seeded
 * factories and matchers from `contracts/`, so the pact is byte-stable and follows the contract.
 * Add them to a pact under your own consumer and provider names and drive your client with each.
 * @example
 * const pact = new PactV4({ consumer: 'my-app', provider: 'graph-user-statuses' });
 * const { created } = createUserStatusInteractions();
 * await created.addTo(pact).executeTest(async (server) => {
 *   const client = createUserStatusClient({ baseUrl: server.url, token: created.token });
 *   await client.createUserStatus(created.policyId, created.body);
 * });
 */
export function createUserStatusInteractions(
  options: CreateUserStatusInteractionsOptions = {},
): CreateUserStatusInteractions {
  const seed = options.seed ?? 1;
  const token = options.token ?? 'example-token';
  const prefix = options.pathPrefix ?? '';
  if (prefix !== '' && !/^\/[^?#]*[^/?#]$/.test(prefix)) {
    throw new UsageError(
      `pathPrefix must be empty or start with "/" and not end with one (e.g. "/v1.0"), not ${JSON.stringify(prefix)}`,
    );
  }
  const body = createUserStatusRequestFactory.seed(seed).nonCompliant().withDevices(3).build();
  const anonymousBody = createUserStatusRequestFactory
    .seed(seed)
    .nonCompliant()
    .withDevices(3)
    .anonymous()
    .build();
  const { id } = userStatusFactory.seed(seed).build();
  const exists = { name: POLICY_EXISTS, params: { policyId: EXAMPLE_POLICY_ID } };
  const missing = { name: POLICY_MISSING, params: { missingPolicyId: EXAMPLE_MISSING_POLICY_ID } };
  const base = { prefix, token };
  return {
    created: interaction(base, {
      description: 'a request to create a user status',
      state: exists,
      body,
      bodyMatchers: contractMatchers('request', body),
      status: 201,
      responseBody: { ...body, id },
    }),
    createdWithoutNames: interaction(base, {
      description: 'a request to create a user status whose user has no names',
      state: exists,
      body: anonymousBody,
      bodyMatchers: contractMatchers('request', anonymousBody),
      status: 201,
      responseBody: { ...anonymousBody, id },
    }),
    invalidBody: interaction(base, {
      description: 'a request to create a user status with an invalid body',
      state: exists,
      // The docs' own placeholder: a string where Graph wants an Int32.
      body: { ...body, devicesCount: 'Integer' },
      bodyMatchers: undefined,
      status: 400,
      responseBody: graphError(
        'BadRequest',
        "Cannot convert the literal 'Integer' to the expected type 'Edm.Int32'.",
      ),
    }),
    unknownPolicy: interaction(base, {
      description: 'a request to create a user status under a policy that does not exist',
      state: missing,
      body,
      bodyMatchers: contractMatchers('request', body),
      status: 404,
      responseBody: graphError(
        'ResourceNotFound',
        `The device compliance policy "${EXAMPLE_MISSING_POLICY_ID}" does not exist.`,
      ),
    }),
    missingBearer: interaction(
      { ...base, token: undefined },
      {
        description: 'a request to create a user status without a bearer token',
        state: exists,
        body,
        bodyMatchers: contractMatchers('request', body),
        status: 401,
        responseBody: graphError('InvalidAuthenticationToken', 'Access token is empty.'),
      },
    ),
  };
}

interface InteractionSpec<Body, ResponseBody> {
  readonly description: string;
  readonly state: CreateUserStatusInteraction['state'];
  readonly body: Body;
  /** Matchers for the request body, or `undefined` to require the body exactly. */
  readonly bodyMatchers: MatcherTree | undefined;
  readonly status: number;
  readonly responseBody: ResponseBody;
}

function interaction<Body, ResponseBody extends DeviceComplianceUserStatus | ODataError>(
  base: { readonly prefix: string; readonly token: string | undefined },
  spec: InteractionSpec<Body, ResponseBody>,
): CreateUserStatusInteraction<Body, ResponseBody> {
  const { params } = spec.state;
  const [param, policyId] =
    'policyId' in params
      ? (['policyId', params.policyId] as const)
      : (['missingPolicyId', params.missingPolicyId] as const);
  // Not userStatusesPath: the example must be what Pact substitutes for the expression, the raw id.
  const path = MatchersV3.fromProviderState(
    `${base.prefix}/deviceManagement/deviceCompliancePolicies/\${${param}}/userStatuses`,
    `${base.prefix}/deviceManagement/deviceCompliancePolicies/${policyId}/userStatuses`,
  );
  const responseMatchers =
    spec.status < 300
      ? contractMatchers('entity', spec.responseBody as DeviceComplianceUserStatus)
      : contractMatchers('error', spec.responseBody as ODataError);
  const { token } = base;
  return {
    description: spec.description,
    state: spec.state,
    policyId,
    token,
    body: spec.body,
    status: spec.status,
    responseBody: spec.responseBody,
    addTo(pact) {
      return pact
        .addInteraction()
        .given(spec.state.name, { ...params })
        .uponReceiving(spec.description)
        .withRequest('POST', path, (request) => {
          request
            .headers({
              'Content-Type': JSON_CONTENT_TYPE,
              ...(token === undefined
                ? {}
                : { Authorization: MatchersV3.regex(BEARER, `Bearer ${token}`) }),
            })
            .jsonBody(spec.bodyMatchers ?? spec.body);
        })
        .willRespondWith(spec.status, (response) => {
          response
            .headers({ 'Content-Type': JSON_RESPONSE_CONTENT_TYPE })
            .jsonBody(responseMatchers);
        });
    },
  };
}

function graphError(code: string, message: string): ODataError {
  return {
    error: {
      code,
      message,
      innerError: { date: EXAMPLE_ERROR_DATE, 'request-id': EXAMPLE_REQUEST_ID },
    },
  };
}
