import { randomUUID } from 'node:crypto';
import type { RequestProfile } from '../contracts/registry';
import { userStatusesPath } from '../contracts/userStatusesPath';
import type {
  CreateUserStatusRequestGraphMetadata,
  DeviceComplianceUserStatus,
} from '../contracts/types.generated';
import { listAdvisories } from '../validator/listAdvisories';
import { applyUserStatusPatch } from './applyUserStatusPatch';
import { bearerTokenProblem } from './bearerTokenProblem';
import type { Throttle } from './createThrottle';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_BYTES, MAX_REQUEST_HEADERS } from './defaults';
import { describeInvalidBody } from './describeInvalidBody';
import { graphErrorBody } from './graphErrorBody';
import type { GraphErrorStatus } from './graphErrorCodes';
import { GRAPH_JSON_CONTENT_TYPE, GRAPH_ODATA_VERSION } from './graphResponseHeaders';
import { isJsonContentType } from './isJsonContentType';
import { isNestedDeeperThan } from './isNestedDeeperThan';
import { listRequestIssues } from './listRequestIssues';
import { matchRoute, type Route } from './matchRoute';
import { nextPageLink } from './nextPageLink';
import { odataContextUrl } from './odataContextUrl';
import { parseJsonBody } from './parseJsonBody';
import { parseListQuery } from './parseListQuery';
import type { ProviderRequest } from './ProviderRequest';
import type { ProviderResponse } from './ProviderResponse';
import { rawAnswers } from './rawAnswers';
import { readRequestBody } from './readRequestBody';
import { requestOrigin } from './requestOrigin';
import type { RequestLogLine } from './RequestLogLine';
import { selfCheckIssue, type ResponseBodyKind } from './selfCheckIssue';
import { toUserStatus } from './toUserStatus';
import type { UserStatusStore } from './UserStatusStore';

/** Everything the request handler reads and changes: the provider's configuration and state. */
export interface RequestHandlerConfig {
  /** Bearer tokens accepted. */
  readonly tokens: ReadonlySet<string>;
  /** Policies that exist (provider states add to it). */
  readonly policies: ReadonlySet<string>;
  /** Where statuses live. */
  readonly store: UserStatusStore;
  /** Assigns the id of a new status. */
  readonly nextId: () => string;
  /** The largest body read, in bytes. */
  readonly maxBodyBytes: number;
  /** Whether every outgoing body is checked against its contract. */
  readonly selfCheck: boolean;
  /** The rate limiter, if throttling is simulated. */
  readonly throttle: Throttle | undefined;
  /** Whether `POST /_pact/provider-states` is served. */
  readonly enableStateRoute: boolean;
  /** The request profile creates are validated with. */
  readonly profile: RequestProfile;
  /** Receives one line per answered request. */
  readonly onRequest: ((line: RequestLogLine) => void) | undefined;
  /** Applies a Pact provider state: ensures the policy (if any) exists and resets the store. */
  readonly applyProviderState: (policyId: string | undefined) => void;
}

/** One request in flight: what answering it needs, and when it started. */
interface Exchange {
  readonly req: ProviderRequest;
  readonly res: ProviderResponse;
  readonly requestId: string;
  readonly clientRequestId: string;
  readonly started: number;
}

// HEAD is answered as GET without the body (RFC 9110 §9.3.2).
const COLLECTION_METHODS = 'GET, HEAD, POST';
const ITEM_METHODS = 'GET, HEAD, PATCH, DELETE';
const COLLECTION_ALLOWS = new Set(COLLECTION_METHODS.split(', '));
const ITEM_ALLOWS = new Set(ITEM_METHODS.split(', '));
const MAX_PATH_IN_MESSAGE = 200;
// State params are echoed with `JSON.stringify`, which recurses: deeper ones are refused first.
const MAX_STATE_PARAMS_DEPTH = 32;
// Characters Node accepts in a header value: a client-request-id is echoed only if it can be.
const ECHOABLE_HEADER = /^[\t\x20-\x7e\x80-\xff]+$/;

/**
 * The reference provider's request handler, for `node:http` (whose `IncomingMessage` and
 * `ServerResponse` fit its request and response types as they are) and, through
 * `createFetchExchange`, for fetch `Request`s. Checks run in a fixed, documented order: header
 * count (431), an `Expect` other than 100-continue (417), provider-state route (when enabled),
 * auth (401), throttle (429), route (404), method (405), policy and status existence (404), the
 * listing's `$top` and `$skiptoken` (400), Content-Type and Content-Encoding (415), body size
 * (413), UTF-8 and JSON (400), the request contract (400). Whatever the input, it answers a 4xx
 * or a 2xx; a last-resort catch turns a bug into a Graph 500 instead of a crash.
 */
export function createRequestHandler(
  config: RequestHandlerConfig,
): (req: ProviderRequest, res: ProviderResponse) => void {
  return (req, res) => {
    const exchange = startExchange(req, res, config);
    try {
      route(exchange, config);
    } catch (error) {
      internalError(exchange, config, error);
    }
  };
}

function startExchange(
  req: ProviderRequest,
  res: ProviderResponse,
  config: RequestHandlerConfig,
): Exchange {
  const requestId = randomUUID();
  const sent = req.headers['client-request-id'];
  const clientRequestId = typeof sent === 'string' && ECHOABLE_HEADER.test(sent) ? sent : requestId;
  const exchange: Exchange = { req, res, requestId, clientRequestId, started: performance.now() };
  const { onRequest } = config;
  if (onRequest !== undefined) {
    res.once('close', () =>
      onRequest({
        method: req.method ?? '-',
        path: req.url ?? '-',
        // A timeout is answered on the socket by the server, not through `res`.
        status: res.headersSent ? res.statusCode : (rawAnswers.get(req.socket) ?? 0),
        durationMs: performance.now() - exchange.started,
        requestId,
      }),
    );
  }
  return exchange;
}

function route(exchange: Exchange, config: RequestHandlerConfig): void {
  const { req } = exchange;
  const target = req.url ?? '/';
  const headerCount =
    req.rawHeaders === undefined ? Object.keys(req.headers).length : req.rawHeaders.length / 2;
  if (headerCount > MAX_REQUEST_HEADERS) {
    sendError(
      exchange,
      config,
      431,
      `The request has more than ${MAX_REQUEST_HEADERS} header fields; send fewer.`,
    );
    return;
  }
  const expectation = req.headers.expect;
  if (expectation !== undefined && expectation.trim().toLowerCase() !== '100-continue') {
    sendError(
      exchange,
      config,
      417,
      `Expect: ${JSON.stringify(truncate(expectation))} cannot be met; only 100-continue is supported.`,
    );
    return;
  }
  const matched = matchRoute(target);
  if (matched.kind === 'providerStates' && config.enableStateRoute) {
    providerStateChange(exchange, config);
    return;
  }
  const authProblem = bearerTokenProblem(req.headers.authorization, config.tokens);
  if (authProblem !== undefined) {
    sendError(exchange, config, 401, authProblem, { 'www-authenticate': 'Bearer' });
    return;
  }
  if (config.throttle !== undefined) {
    const waitSeconds = config.throttle.take();
    if (waitSeconds > 0) {
      // Whole seconds, as HTTP defines Retry-After, rounded up so a retry is never early.
      const retryAfter = String(Math.max(1, Math.ceil(waitSeconds)));
      sendError(
        exchange,
        config,
        429,
        `Too many requests: this provider is throttled; retry after ${retryAfter} second(s).`,
        { 'retry-after': retryAfter },
      );
      return;
    }
  }
  if (matched.kind === 'badEncoding') {
    sendError(exchange, config, 400, `The request path has a malformed percent-encoding.`);
    return;
  }
  if (matched.kind !== 'collection' && matched.kind !== 'item') {
    sendError(
      exchange,
      config,
      404,
      `Resource not found for ${JSON.stringify(truncate(target.split('?')[0] ?? ''))}: user statuses live at ` +
        '/v1.0/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/userStatuses[/{id}].',
    );
    return;
  }
  const method = req.method ?? '';
  const allowed = matched.kind === 'collection' ? COLLECTION_METHODS : ITEM_METHODS;
  if (!(matched.kind === 'collection' ? COLLECTION_ALLOWS : ITEM_ALLOWS).has(method)) {
    sendError(
      exchange,
      config,
      405,
      `${method} is not allowed on ${matched.kind === 'collection' ? 'the userStatuses collection' : 'a user status'}; allowed: ${allowed}.`,
      { allow: allowed },
    );
    return;
  }
  if (!config.policies.has(matched.policyId)) {
    sendError(
      exchange,
      config,
      404,
      `The device compliance policy ${JSON.stringify(truncate(matched.policyId))} does not exist.`,
    );
    return;
  }
  const reads = method === 'GET' || method === 'HEAD';
  if (matched.kind === 'collection') {
    if (reads) listStatuses(exchange, config, matched);
    else createStatus(exchange, config, matched);
    return;
  }
  const stored = config.store.get(matched.policyId, matched.statusId);
  if (stored === undefined) {
    sendError(
      exchange,
      config,
      404,
      `The user status ${JSON.stringify(truncate(matched.statusId))} does not exist under policy ${JSON.stringify(truncate(matched.policyId))}.`,
    );
    return;
  }
  if (reads) {
    sendEntity(exchange, config, 200, matched, stored);
  } else if (method === 'DELETE') {
    config.store.delete(matched.policyId, matched.statusId);
    send(exchange, config, 204, undefined, undefined);
  } else {
    updateStatus(exchange, config, matched, stored);
  }
}

type ResourceRoute = Extract<Route, { kind: 'collection' | 'item' }>;

/**
 * A page of the policy's statuses, oldest first: `$top` of them (default 100, at most 1000) and at
 * most 8 MiB, with an `@odata.nextLink` to the next page when there is one, as Graph pages.
 */
function listStatuses(exchange: Exchange, config: RequestHandlerConfig, at: ResourceRoute): void {
  const query = parseListQuery(exchange.req.url ?? '');
  if (!query.ok) {
    sendError(exchange, config, 400, query.message);
    return;
  }
  const page = config.store.page(at.policyId, {
    top: query.top ?? DEFAULT_PAGE_SIZE,
    maxBytes: MAX_PAGE_BYTES,
    ...(query.after === undefined ? {} : { after: query.after }),
  });
  send(
    exchange,
    config,
    200,
    {
      '@odata.context': odataContextUrl(at.version, at.policyId, 'collection'),
      ...(page.next === undefined
        ? {}
        : {
            '@odata.nextLink': nextPageLink(requestOrigin(exchange.req), at, query.top, page.next),
          }),
      value: page.statuses,
    },
    'collection',
  );
}

function createStatus(exchange: Exchange, config: RequestHandlerConfig, at: ResourceRoute): void {
  readJson(exchange, config, (body) => {
    const checked = listRequestIssues(body, config.profile);
    // The reference provider follows the toolkit's advice too (an empty id is refused).
    const issues = checked.issues.length > 0 ? checked.issues : listAdvisories(body);
    if (issues.length > 0) {
      invalidBody(exchange, config, issues, checked);
      return;
    }
    const status = toUserStatus(config.nextId(), body as CreateUserStatusRequestGraphMetadata);
    config.store.add(at.policyId, status);
    // Generated ids are URL-safe (hex digits, '-' and '_'): only the policy id needs encoding.
    const location = `${at.version === undefined ? '' : `/${at.version}`}${userStatusesPath(at.policyId)}/${status.id}`;
    sendEntity(exchange, config, 201, at, status, { location });
  });
}

function updateStatus(
  exchange: Exchange,
  config: RequestHandlerConfig,
  at: ResourceRoute,
  stored: DeviceComplianceUserStatus,
): void {
  readJson(exchange, config, (body) => {
    const checked = listRequestIssues(body, 'graph-metadata');
    if (checked.issues.length > 0) {
      invalidBody(exchange, config, checked.issues, checked);
      return;
    }
    const patch = body as CreateUserStatusRequestGraphMetadata;
    if (patch.id !== undefined && patch.id !== stored.id) {
      invalidBody(exchange, config, [
        {
          path: '/id',
          rule: 'const',
          message: `/id cannot change: it must be ${JSON.stringify(stored.id)} or left out`,
          expected: JSON.stringify(stored.id),
          actual: JSON.stringify(patch.id),
        },
      ]);
      return;
    }
    // Read again: the status may have been deleted or evicted while the body arrived.
    const current = config.store.get(at.policyId, stored.id);
    if (current === undefined) {
      sendError(
        exchange,
        config,
        404,
        `The user status ${JSON.stringify(stored.id)} no longer exists.`,
      );
      return;
    }
    const updated = applyUserStatusPatch(current, patch);
    config.store.replace(at.policyId, updated);
    sendEntity(exchange, config, 200, at, updated);
  });
}

/**
 * Checks the Content-Type, reads the body within the size limit, decodes and parses it, then
 * hands the value on; every failure is answered here.
 */
function readJson(
  exchange: Exchange,
  config: RequestHandlerConfig,
  then: (body: unknown) => void,
): void {
  const contentType = exchange.req.headers['content-type'];
  if (!isJsonContentType(contentType)) {
    sendError(
      exchange,
      config,
      415,
      contentType === undefined
        ? 'The request has no Content-Type: send Content-Type: application/json.'
        : `Content-Type ${JSON.stringify(truncate(contentType))} is not supported: send application/json.`,
    );
    return;
  }
  readParsedBody(exchange, config, { what: 'request body' }, then);
}

/**
 * Reads a body within the size limit and parses it, then hands the value on; a content coding
 * (415), a body too large (413), not JSON (400) or a throw in `then` (500) is answered here, an
 * aborted request not at all.
 */
function readParsedBody(
  exchange: Exchange,
  config: RequestHandlerConfig,
  options: { readonly what: string; readonly whenEmpty?: unknown },
  then: (body: unknown) => void,
): void {
  const encoding = exchange.req.headers['content-encoding'];
  if (encoding !== undefined && !isIdentityEncoding(encoding)) {
    // RFC 9110 §8.4: a content coding the server does not accept gets 415, and Accept-Encoding
    // says which ones it does (§12.5.3).
    sendError(
      exchange,
      config,
      415,
      `Content-Encoding ${JSON.stringify(truncate(encoding))} is not supported: send the ${options.what} unencoded.`,
      { 'accept-encoding': 'identity' },
    );
    return;
  }
  readRequestBody(exchange.req, config.maxBodyBytes, (read) => {
    try {
      // An aborted request cannot be answered.
      if (read.kind === 'aborted') return;
      if (read.kind === 'tooLarge') {
        sendError(
          exchange,
          config,
          413,
          `The ${options.what} is larger than ${config.maxBodyBytes} bytes.`,
        );
        return;
      }
      const parsed =
        read.bytes.length === 0 && 'whenEmpty' in options
          ? { ok: true as const, value: options.whenEmpty }
          : parseJsonBody(read.bytes);
      if (!parsed.ok) {
        sendError(exchange, config, 400, parsed.message);
        return;
      }
      then(parsed.value);
    } catch (error) {
      internalError(exchange, config, error);
    }
  });
}

function invalidBody(
  exchange: Exchange,
  config: RequestHandlerConfig,
  issues: Parameters<typeof describeInvalidBody>[0],
  coverage?: Parameters<typeof describeInvalidBody>[1],
): void {
  const { message, details } = describeInvalidBody(issues, coverage);
  send(exchange, config, 400, graphErrorBody(400, message, exchange, details), 'error');
}

/**
 * `POST /_pact/provider-states` with a Pact state change (`{ state, params: { policyId }, action }`):
 * a setup ensures the policy exists and resets the store; a teardown changes nothing. Answers the
 * params, which Pact can inject into the interaction.
 */
function providerStateChange(exchange: Exchange, config: RequestHandlerConfig): void {
  if (exchange.req.method !== 'POST') {
    sendError(exchange, config, 405, 'Provider states are changed with POST.', { allow: 'POST' });
    return;
  }
  readParsedBody(exchange, config, { what: 'state change', whenEmpty: {} }, (value) => {
    const change = value as { params?: unknown; action?: unknown } | null;
    const params = typeof change === 'object' && change !== null ? change.params : undefined;
    const policyId =
      typeof params === 'object' && params !== null
        ? (params as { policyId?: unknown }).policyId
        : undefined;
    if (
      typeof change !== 'object' ||
      change === null ||
      Array.isArray(change) ||
      (policyId !== undefined && (typeof policyId !== 'string' || policyId === ''))
    ) {
      sendError(
        exchange,
        config,
        400,
        'A state change is a JSON object { "state", "params": { "policyId": "<non-empty string>" }, "action" }.',
      );
      return;
    }
    if (isNestedDeeperThan(params, MAX_STATE_PARAMS_DEPTH)) {
      sendError(
        exchange,
        config,
        400,
        `A state change's params are nested deeper than ${MAX_STATE_PARAMS_DEPTH} levels; send flat params such as { "policyId": "..." }.`,
      );
      return;
    }
    if (change.action !== 'teardown') config.applyProviderState(policyId);
    send(
      exchange,
      config,
      200,
      typeof params === 'object' && params !== null ? params : {},
      undefined,
    );
  });
}

function sendEntity(
  exchange: Exchange,
  config: RequestHandlerConfig,
  status: 200 | 201,
  at: ResourceRoute,
  entity: DeviceComplianceUserStatus,
  headers?: Readonly<Record<string, string>>,
): void {
  const body = { '@odata.context': odataContextUrl(at.version, at.policyId, 'entity'), ...entity };
  send(exchange, config, status, body, 'entity', headers);
}

function sendError(
  exchange: Exchange,
  config: RequestHandlerConfig,
  status: GraphErrorStatus,
  message: string,
  headers?: Readonly<Record<string, string>>,
): void {
  send(exchange, config, status, graphErrorBody(status, message, exchange), 'error', headers);
}

/**
 * Writes an answer with Graph's headers. With the self-check on, a body that breaks its own
 * contract is replaced by a Graph 500 saying so: a provider bug must never pass as conformance.
 */
function send(
  exchange: Exchange,
  config: RequestHandlerConfig,
  status: number,
  body: object | undefined,
  kind: ResponseBodyKind | undefined,
  extraHeaders?: Readonly<Record<string, string>>,
): void {
  const { res } = exchange;
  if (res.headersSent) return;
  let answerStatus = status;
  let answerBody = body;
  let headers = extraHeaders;
  if (config.selfCheck && kind !== undefined && body !== undefined) {
    const issue = selfCheckIssue(kind, body);
    if (issue !== undefined) {
      answerStatus = 500;
      answerBody = graphErrorBody(
        500,
        `The reference provider broke its own contract (self-check) in a ${status} answer: ${issue}`,
        exchange,
      );
      headers = undefined;
    }
  }
  const json = answerBody === undefined ? undefined : JSON.stringify(answerBody);
  // A flat [name, value, ...] list: Node walks it without the own-property checks of an object.
  const head: string[] = [
    'odata-version',
    GRAPH_ODATA_VERSION,
    'request-id',
    exchange.requestId,
    'client-request-id',
    exchange.clientRequestId,
  ];
  if (headers !== undefined) {
    for (const name in headers) head.push(name, headers[name] as string);
  }
  if (json !== undefined) {
    head.push('content-type', GRAPH_JSON_CONTENT_TYPE);
    head.push('content-length', String(Buffer.byteLength(json)));
  }
  res.writeHead(answerStatus, head);
  res.end(json);
}

function internalError(exchange: Exchange, config: RequestHandlerConfig, error: unknown): void {
  if (exchange.res.headersSent) {
    exchange.req.socket.destroy();
    return;
  }
  const reason = error instanceof Error ? error.message : String(error);
  send(
    exchange,
    config,
    500,
    graphErrorBody(
      500,
      `The reference provider failed unexpectedly: ${truncate(reason)}`,
      exchange,
    ),
    undefined,
  );
}

/** Whether a Content-Encoding names no coding: empty, or `identity` (in any case) only. */
function isIdentityEncoding(header: string): boolean {
  return header.split(',').every((coding) => {
    const name = coding.trim().toLowerCase();
    return name === '' || name === 'identity';
  });
}

function truncate(text: string): string {
  return text.length > MAX_PATH_IN_MESSAGE ? `${text.slice(0, MAX_PATH_IN_MESSAGE)}...` : text;
}
