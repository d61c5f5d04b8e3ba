import { request, type Dispatcher } from 'undici';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';
import { createProvider, type Provider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { GRAPH_JSON_CONTENT_TYPE } from '../../src/provider/_internals/graphResponseHeaders';
import type { ProviderOptions } from '../../src/provider/ProviderOptions';
import { listIssues } from '../../src/validator/listIssues';

/** The collection path of a policy, with an optional version prefix. */
export function collectionPath(policyId: string = DEFAULT_POLICY_ID, prefix = '/v1.0'): string {
  return `${prefix}/deviceManagement/deviceCompliancePolicies/${encodeURIComponent(policyId)}/userStatuses`;
}

/** A started provider and its base URL. */
export interface RunningProvider {
  readonly provider: Provider;
  readonly url: string;
}

/** Starts a provider on a free loopback port, with the self-check on (as every test runs it). */
export async function startProvider(options: ProviderOptions = {}): Promise<RunningProvider> {
  const provider = createProvider({ selfCheck: true, ...options });
  const { url } = await provider.listen({ host: '127.0.0.1', port: 0 });
  return { provider, url };
}

/** What a call answered. */
export interface CallResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** The body parsed as JSON, or `undefined` when it is empty or not JSON. */
  readonly json: unknown;
}

/** Options of `call`. */
export interface CallOptions {
  /** The body, sent as is (a string or raw bytes). @defaultValue no body */
  readonly body?: string | Buffer;
  /** Headers, replacing the defaults of the same name. @defaultValue bearer token and JSON type */
  readonly headers?: Record<string, string | undefined>;
  /** The dispatcher (connection pool). @defaultValue undici's global one */
  readonly dispatcher?: Dispatcher;
}

/**
 * Sends one request with undici. By default it carries the default bearer token and, when there
 * is a body, `Content-Type: application/json`; a header set to `undefined` is left out.
 */
export async function call(
  url: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const merged: Record<string, string | undefined> = {
    authorization: `Bearer ${DEFAULT_TOKEN}`,
    ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...options.headers,
  };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(merged))
    if (value !== undefined) headers[name] = value;
  const response = await request(`${url}${path}`, {
    method: method as Dispatcher.HttpMethod,
    headers,
    ...(options.body === undefined ? {} : { body: options.body }),
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
  });
  const text = await response.body.text();
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  let json: unknown;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: flat, text, json };
}

/** Creates a status with a valid body (overridable) and returns the 201 body. */
export async function createStatus(
  url: string,
  overrides: Record<string, unknown> = {},
  policyId: string = DEFAULT_POLICY_ID,
): Promise<Record<string, unknown>> {
  const response = await call(url, 'POST', collectionPath(policyId), {
    body: JSON.stringify({ ...SAMPLE_CREATE_REQUEST, ...overrides }),
  });
  if (response.status !== 201) {
    throw new Error(`expected 201, got ${response.status}: ${response.text}`);
  }
  return response.json as Record<string, unknown>;
}

/**
 * Asserts Graph's response headers: the OData JSON Content-Type when there is a body,
 * `OData-Version`, a GUID `request-id` and a `client-request-id` (the client's, or the request-id).
 */
export function expectGraphHeaders(response: CallResult, clientRequestId?: string): void {
  if (response.text !== '') {
    expect(response.headers['content-type']).toBe(GRAPH_JSON_CONTENT_TYPE);
  } else {
    expect(response.headers['content-type']).toBeUndefined();
  }
  expect(response.headers['odata-version']).toBe('4.0');
  expect(response.headers['request-id']).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  );
  expect(response.headers['client-request-id']).toBe(
    clientRequestId ?? response.headers['request-id'],
  );
}

/**
 * Asserts a Graph error answer: the status, Graph's headers, and an envelope that satisfies the
 * error contract, with this `code` and ids matching the headers.
 */
export function expectGraphError(
  response: CallResult,
  status: number,
  code: string,
  clientRequestId?: string,
): { code: string; message: string; details?: unknown[] } {
  expect({ status: response.status, text: response.text }).toEqual({
    status,
    text: expect.any(String) as string,
  });
  expectGraphHeaders(response, clientRequestId);
  expect(listIssues('error', response.json)).toEqual([]);
  const error = (response.json as { error: Record<string, unknown> }).error;
  expect(error['code']).toBe(code);
  const inner = error['innerError'] as Record<string, string>;
  expect(inner['date']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  expect(inner['request-id']).toBe(response.headers['request-id']);
  expect(inner['client-request-id']).toBe(response.headers['client-request-id']);
  return error as { code: string; message: string; details?: unknown[] };
}
