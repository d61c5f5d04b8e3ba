import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../../src/provider/defaults';
import type { CheckName } from '../../../src/fuzz/CheckName';
import type { FuzzCase } from '../../../src/fuzz/_internals/FuzzCase';
import type { Defect, FrontRequest, FrontResponse } from './defectiveProvider';

const COLLECTION = /\/deviceCompliancePolicies\/[^/]+\/userStatuses$/;
const ITEM = /\/deviceCompliancePolicies\/[^/]+\/userStatuses\/[^/]+$/;
const GRAPH_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** The JSON object a text holds, or `undefined`. */
export function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a request creates a status. */
export function isCreate(request: FrontRequest): boolean {
  return request.method === 'POST' && COLLECTION.test(request.path);
}

/** Rewrites the JSON body of a 201 answer. */
function rewriteCreated(
  change: (entity: Record<string, unknown>) => Record<string, unknown>,
): NonNullable<Defect['response']> {
  return (response) => {
    const entity = response.status === 201 ? parse(response.body) : undefined;
    return entity ? { ...response, body: JSON.stringify(change(entity)) } : response;
  };
}

function graphError(status: number, code: string): FrontResponse {
  return {
    status,
    headers: { 'content-type': GRAPH_JSON },
    body: JSON.stringify({
      error: {
        code,
        message: code,
        innerError: {
          date: '2026-01-01T00:00:00',
          'request-id': 'r-1',
          'client-request-id': 'r-1',
        },
      },
    }),
  };
}

/** A broken provider of the gallery: its one defect, and the check meant to catch it. */
export interface GalleryEntry {
  readonly name: string;
  readonly check: CheckName;
  readonly defect: Defect;
  /** Whether the reported counterexample is as small as the defect allows, when it pins that down. */
  readonly minimal?: (fuzzCase: FuzzCase) => boolean;
  /** Extra fuzz options the check needs (only max_response_time needs a limit). */
  readonly maxResponseTimeMs?: number;
  /**
   * The smallest `runs` budget that catches the defect on every seed of `npm run
   * test:gallery-seeds` (the canonical edge cases come on top of it, and catch most defects).
   */
  readonly runs: number;
}

/** The gallery: each provider is the reference provider with exactly one defect. */
export const GALLERY: readonly GalleryEntry[] = [
  {
    name: 'answers 500 to non-ASCII names',
    check: 'not_a_server_error',
    runs: 1,
    // A short name (a canonical edge case, or a shrunk one) rather than a long random one;
    // 16 code points leave room for decomposed accents ("Zoë Ñúñez" is 13).
    minimal: (fuzzCase) =>
      'body' in fuzzCase &&
      [...String((fuzzCase.body as { userDisplayName?: unknown }).userDisplayName)].length <= 16,
    defect: {
      request: (request) =>
        isCreate(request) &&
        /[^\x20-\x7e]/.test(String(parse(request.body)?.['userDisplayName'] ?? ''))
          ? graphError(500, 'InternalServerError')
          : request,
    },
  },
  {
    name: 'answers 200 instead of 201',
    check: 'status_code_conformance',
    runs: 1,
    defect: {
      response: (response) => (response.status === 201 ? { ...response, status: 200 } : response),
    },
  },
  {
    name: 'declares text/plain',
    check: 'content_type_conformance',
    runs: 1,
    defect: {
      response: (response) => ({
        ...response,
        headers: { ...response.headers, 'content-type': 'text/plain; charset=utf-8' },
      }),
    },
  },
  {
    name: "answers errors without Graph's envelope",
    check: 'response_schema_conformance',
    runs: 1,
    defect: {
      response: (response) =>
        response.status >= 400
          ? { ...response, body: JSON.stringify({ message: 'something went wrong' }) }
          : response,
    },
  },
  {
    name: 'refuses valid creates with a null userPrincipalName',
    check: 'positive_data_acceptance',
    runs: 1,
    defect: {
      request: (request) =>
        isCreate(request) && parse(request.body)?.['userPrincipalName'] === null
          ? graphError(400, 'BadRequest')
          : request,
    },
  },
  {
    name: 'accepts an Int32 overflow (clamps devicesCount)',
    check: 'negative_data_rejection',
    runs: 1,
    // Shrinking stops at the first value past Int32 max.
    minimal: (fuzzCase) =>
      fuzzCase.kind === 'invalid' &&
      (fuzzCase.body as { devicesCount?: unknown }).devicesCount === 2147483648,
    defect: {
      request: (request) => {
        const body = isCreate(request) ? parse(request.body) : undefined;
        if (body && typeof body['devicesCount'] === 'number' && body['devicesCount'] > 2147483647) {
          return { ...request, body: JSON.stringify({ ...body, devicesCount: 2147483647 }) };
        }
        return request;
      },
    },
  },
  {
    name: 'accepts PascalCase status values',
    check: 'negative_data_rejection',
    runs: 1,
    defect: {
      request: (request) => {
        const body = isCreate(request) ? parse(request.body) : undefined;
        const status = body?.['status'];
        if (body && typeof status === 'string' && /^[A-Z]/.test(status)) {
          return {
            ...request,
            body: JSON.stringify({ ...body, status: status[0]?.toLowerCase() + status.slice(1) }),
          };
        }
        return request;
      },
    },
  },
  {
    name: 'accepts JSON with a trailing comma',
    check: 'malformed_json_rejection',
    runs: 1,
    defect: {
      request: (request) =>
        isCreate(request)
          ? { ...request, body: request.body.replace(/,\s*([}\]])/g, '$1') }
          : request,
    },
  },
  {
    name: 'drops userPrincipalName from the 201 body',
    check: 'create_echo',
    runs: 1,
    defect: { response: rewriteCreated(({ userPrincipalName: _dropped, ...entity }) => entity) },
  },
  {
    name: 'gives every status the same id',
    check: 'create_echo',
    runs: 1,
    defect: { response: rewriteCreated((entity) => ({ ...entity, id: 'same-id-for-everyone' })) },
  },
  {
    name: 'does not persist (reads by id answer 404)',
    check: 'ensure_resource_availability',
    runs: 1,
    defect: {
      request: (request) =>
        request.method === 'GET' && ITEM.test(request.path)
          ? graphError(404, 'ResourceNotFound')
          : request,
    },
  },
  {
    name: 'has no auth check',
    check: 'ignored_auth',
    runs: 1,
    defect: {
      request: (request) => ({
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${DEFAULT_TOKEN}` },
      }),
    },
  },
  {
    name: 'answers 401 to a bad token but stores the status anyway',
    check: 'ignored_auth',
    runs: 1,
    defect: {
      // The create goes through as if authorised; only the answer says 401.
      request: (request) =>
        isCreate(request) && request.headers['authorization'] !== `Bearer ${DEFAULT_TOKEN}`
          ? {
              ...request,
              headers: {
                ...request.headers,
                authorization: `Bearer ${DEFAULT_TOKEN}`,
                'x-defect-unauthorised': '1',
              },
            }
          : request,
      response: (response, request) =>
        request.headers['x-defect-unauthorised'] === '1'
          ? graphError(401, 'InvalidAuthenticationToken')
          : response,
    },
    minimal: (fuzzCase) => fuzzCase.kind === 'auth' && fuzzCase.verifyListing,
  },
  {
    name: 'accepts any policy id',
    check: 'unknown_parent',
    runs: 1,
    defect: {
      request: (request) => ({
        ...request,
        path: request.path.replace(
          /\/deviceCompliancePolicies\/[^/]+\//,
          `/deviceCompliancePolicies/${DEFAULT_POLICY_ID}/`,
        ),
      }),
    },
  },
  {
    name: 'ignores Content-Type',
    check: 'unsupported_media_type',
    // One run is one worker, which stops at its first finding (a warning: no Content-Type at all);
    // a second worker tries a Content-Type that is not JSON.
    runs: 2,
    defect: {
      request: (request) => ({
        ...request,
        headers: { ...request.headers, 'content-type': 'application/json' },
      }),
    },
  },
  {
    name: 'answers 405 without an Allow header',
    check: 'unsupported_method',
    runs: 1,
    defect: {
      response: (response) => {
        const { allow: _allow, ...headers } = response.headers;
        return { ...response, headers };
      },
    },
  },
  {
    name: 'answers 204 to DELETE but keeps the status',
    check: 'use_after_free',
    runs: 1,
    defect: {
      request: (request) =>
        request.method === 'DELETE' && ITEM.test(request.path)
          ? { status: 204, headers: {}, body: '' }
          : request,
    },
  },
  {
    name: 'answers deletes slowly',
    check: 'max_response_time',
    runs: 1,
    maxResponseTimeMs: 100,
    defect: {
      // Only deletes are slow, so the check must find them among fast answers.
      response: async (response, request) => {
        if (request.method === 'DELETE') await new Promise((resolve) => setTimeout(resolve, 250));
        return response;
      },
    },
  },
];

/** The five properties the documented create requires, each filled in when missing. */
const REQUIRED_DEFAULTS: Readonly<Record<string, unknown>> = {
  userDisplayName: 'Filled In',
  devicesCount: 0,
  status: 'unknown',
  lastReportedDateTime: '2026-01-01T00:00:00Z',
  userPrincipalName: null,
};

/** A provider that accepts a create missing any one of its required properties (it fills them in). */
export const REQUIRED_FILLER: Defect = {
  request: (request) => {
    const body = isCreate(request) ? parse(request.body) : undefined;
    if (!body || Object.keys(REQUIRED_DEFAULTS).every((name) => name in body)) return request;
    return { ...request, body: JSON.stringify({ ...REQUIRED_DEFAULTS, ...body }) };
  },
};
