import { userStatusesPath } from '../contracts/userStatusesPath';
import type {
  CreateUserStatusRequest,
  CreateUserStatusRequestGraphMetadata,
  DeviceComplianceUserStatus,
} from '../contracts/types.generated';
import { ConnectionError, ContractViolationError, GraphRequestError } from '../errors';
import { assertValid } from '../validator/assertValid';
import { isODataError } from '../validator/isODataError';

/** Where Microsoft Graph v1.0 lives; the client appends `/deviceManagement/...` to it. */
export const GRAPH_V1_BASE_URL = 'https://graph.microsoft.com/v1.0';

/** The part of `fetch` the client uses: global `fetch`, undici's `fetch` and test doubles all fit. */
export type FetchLike = (
  url: string,
  init: {
    readonly method: string;
    readonly headers: Record<string, string>;
    readonly body: string;
    readonly signal: AbortSignal;
  },
) => Promise<FetchLikeResponse>;

/** The part of a `fetch` response the client reads. */
export interface FetchLikeResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** Options of `createUserStatusClient`. */
export interface UserStatusClientOptions {
  /**
   * The base URL, version segment included (a trailing slash is fine); requests go to
   * `{baseUrl}/deviceManagement/deviceCompliancePolicies/{policyId}/userStatuses`.
   * @defaultValue `'https://graph.microsoft.com/v1.0'`
   */
  readonly baseUrl?: string;
  /**
   * The bearer token, or a function that returns one (called before every request, so an
   * expiring token can be refreshed). Without it no `Authorization` header is sent.
   * @defaultValue `undefined`
   */
  readonly token?: string | (() => string | Promise<string>);
  /**
   * The `fetch` implementation (a test double, or undici's with its own dispatcher).
   * @defaultValue `globalThis.fetch`, read on each call
   */
  readonly fetch?: FetchLike;
  /**
   * Check every created entity against the entity contract and throw a `ContractViolationError`
   * when it breaks it, so the typed result can be trusted.
   * @defaultValue `true`
   */
  readonly checkResponses?: boolean;
  /**
   * How long one request may take, in milliseconds, before it is aborted with a `ConnectionError`.
   * @defaultValue `30000`
   */
  readonly timeoutMs?: number;
}

/** Options of one `createUserStatus` call. */
export interface CreateUserStatusCallOptions {
  /**
   * Sent as the `client-request-id` header; Graph echoes it, which ties logs on both sides together.
   * @defaultValue `undefined` (not sent)
   */
  readonly clientRequestId?: string;
  /**
   * Aborts the request.
   * @defaultValue `undefined`
   */
  readonly signal?: AbortSignal;
}

/** A small typed client for the one Graph call this package is about. */
export interface UserStatusClient {
  /**
   * `POST /deviceManagement/deviceCompliancePolicies/{policyId}/userStatuses`: resolves to the
   * created entity (201), or rejects with a `GraphRequestError` (an error status), a
   * `ConnectionError` (no answer) or a `ContractViolationError` (a 2xx body that breaks the
   * entity contract, when `checkResponses` is on).
   */
  createUserStatus(
    policyId: string,
    body: CreateUserStatusRequest | CreateUserStatusRequestGraphMetadata,
    options?: CreateUserStatusCallOptions,
  ): Promise<DeviceComplianceUserStatus>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_MESSAGE_CHARACTERS = 300;

/**
 * Creates a client for `POST .../deviceCompliancePolicies/{id}/userStatuses`, against Graph or any
 * provider standing in for it (the reference provider, a Pact mock server).
 * @example
 * const client = createUserStatusClient({ baseUrl: 'http://127.0.0.1:4010/v1.0', token: 'local-dev-token' });
 * const created = await client.createUserStatus(policyId, createUserStatusRequestFactory.build());
 */
export function createUserStatusClient(options: UserStatusClientOptions = {}): UserStatusClient {
  const baseUrl = (options.baseUrl ?? GRAPH_V1_BASE_URL).replace(/\/+$/, '');
  const checkResponses = options.checkResponses ?? true;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    async createUserStatus(policyId, body, callOptions = {}) {
      const url = `${baseUrl}${userStatusesPath(policyId)}`;
      const headers: Record<string, string> = {
        accept: 'application/json',
        'content-type': 'application/json',
      };
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
      if (callOptions.clientRequestId !== undefined) {
        headers['client-request-id'] = callOptions.clientRequestId;
      }
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal =
        callOptions.signal === undefined ? timeout : AbortSignal.any([timeout, callOptions.signal]);
      let response: FetchLikeResponse;
      let text: string;
      try {
        // The global is read on each call, so mocks installed after the client was made (MSW) apply.
        response = await (options.fetch ?? globalThis.fetch)(url, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
          signal,
        });
        text = await response.text();
      } catch (error) {
        if (callOptions.signal?.aborted === true) throw error;
        throw new ConnectionError(url, `no answer from ${url}: ${describeFetchError(error)}`, {
          cause: error,
        });
      }
      const parsed = parseJson(text);
      if (!response.ok) throw toGraphRequestError(response, text, parsed);
      if (!parsed.ok) {
        throw new ContractViolationError('entity', [
          {
            path: '',
            rule: 'json',
            message: `the ${response.status} response body is not JSON`,
            expected: 'a JSON document',
            actual: JSON.stringify(truncate(text)),
          },
        ]);
      }
      if (checkResponses) assertValid('entity', parsed.value);
      return parsed.value as DeviceComplianceUserStatus;
    },
  };
}

function toGraphRequestError(
  response: FetchLikeResponse,
  text: string,
  parsed: { ok: true; value: unknown } | { ok: false },
): GraphRequestError {
  const headerRequestId = response.headers.get('request-id') ?? undefined;
  if (parsed.ok && isODataError(parsed.value)) {
    const { error } = parsed.value;
    return new GraphRequestError({
      status: response.status,
      graphCode: error.code,
      graphMessage: error.message,
      requestId: error.innerError['request-id'],
      body: parsed.value,
    });
  }
  return new GraphRequestError({
    status: response.status,
    graphCode: undefined,
    graphMessage:
      text.trim() === ''
        ? `an empty body (${response.statusText || 'no reason given'})`
        : `a body that is not Graph's error envelope: ${truncate(text)}`,
    requestId: headerRequestId,
    body: parsed.ok ? parsed.value : text,
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function truncate(text: string): string {
  return text.length > MAX_MESSAGE_CHARACTERS ? `${text.slice(0, MAX_MESSAGE_CHARACTERS)}…` : text;
}

function describeFetchError(error: unknown): string {
  // Duck-typed: fetch's errors may come from another realm, where `instanceof Error` is false.
  const { name, message, cause } = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  if (name === 'TimeoutError') return 'the request timed out';
  // fetch wraps the socket error (ECONNREFUSED, ENOTFOUND, ...) in `cause`.
  if (typeof cause?.code === 'string') return `${cause.code} (${String(cause.message)})`;
  return typeof message === 'string' ? message : String(error);
}
