import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestProfile } from '../contracts/registry';
import { ConnectionError, UsageError } from '../errors';
import { createRequestHandler } from './createRequestHandler';
import { createStatusIdGenerator } from './createStatusIdGenerator';
import { createThrottle } from './createThrottle';
import {
  DEFAULT_HOST,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_POLICY_ID,
  DEFAULT_PROVIDER_SEED,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_STORE_CAPACITY,
  DEFAULT_TOKEN,
} from './defaults';
import { graphErrorBody } from './graphErrorBody';
import { GRAPH_JSON_CONTENT_TYPE, GRAPH_ODATA_VERSION } from './graphResponseHeaders';
import { preloadStatuses } from './preloadStatuses';
import { rawAnswers } from './rawAnswers';
import type { RequestLogLine } from './RequestLogLine';
import { UserStatusStore } from './UserStatusStore';

/** Options of `createProvider`. */
export interface ProviderOptions {
  /**
   * Bearer tokens the provider accepts (RFC 6750 token characters only).
   * @defaultValue `[DEFAULT_TOKEN]` (`'local-dev-token'`)
   */
  readonly tokens?: readonly string[];
  /**
   * Ids of the device compliance policies that exist; any other policy id gets 404.
   * @defaultValue `[DEFAULT_POLICY_ID]` (`'11111111-2222-4333-8444-555555555555'`)
   */
  readonly policyIds?: readonly string[];
  /**
   * The largest request body accepted, in bytes; a larger one gets 413 without being buffered.
   * @defaultValue `1048576` (1 MiB)
   */
  readonly maxBodyBytes?: number;
  /**
   * How many statuses the store keeps over all policies; past it the oldest is evicted.
   * @defaultValue `10000`
   */
  readonly storeCapacity?: number;
  /**
   * Check every outgoing body against its contract (entity, collection items, error envelope) and
   * answer a Graph 500 naming the issue instead of a body that breaks it. Tests, `check` and
   * `fuzz` turn it on; off by default because it costs about a tenth of the create throughput.
   * @defaultValue `false`
   */
  readonly selfCheck?: boolean;
  /**
   * Simulate throttling: at most this many requests per second (bursts of one second's worth),
   * then 429 with `Retry-After`.
   * @defaultValue `undefined` (no throttling)
   */
  readonly throttle?: number;
  /**
   * How long a request (headers and body) may take to arrive, in milliseconds: a slower one gets a
   * Graph 408 and its connection closed (or, on a connection that already answered, just closed),
   * so slow-body clients cannot hold connections. Applies when the provider listens; a server
   * that mounts `handler` itself sets its own `requestTimeout`.
   * @defaultValue `10000`
   */
  readonly requestTimeoutMs?: number;
  /**
   * Serve `POST /_pact/provider-states` (Pact state changes) without authentication.
   * @defaultValue `false` (the route answers like any unknown path)
   */
  readonly enableStateRoute?: boolean;
  /**
   * Seed of the id generator and of `preload`: the same seed gives the same ids in the same order.
   * @defaultValue `1`
   */
  readonly seed?: number;
  /**
   * How many generated statuses to store at start, spread over the policies in turn.
   * @defaultValue `0`
   */
  readonly preload?: number;
  /**
   * Called once per answered request (after the answer is written or the connection closed).
   * @defaultValue `undefined` (no logging)
   */
  readonly onRequest?: (line: RequestLogLine) => void;
  /**
   * The request profile creates are validated with: `documented` requires the five documented
   * properties; `graph-metadata` makes them optional and stores Graph's defaults for missing ones
   * (`devicesCount` 0, `status` `unknown`, `lastReportedDateTime` `0001-01-01T00:00:00Z`, names
   * null). Updates always use `graph-metadata` (partial).
   * @defaultValue `'documented'`
   */
  readonly profile?: RequestProfile;
  /**
   * The store to use instead of a new one (to share it between providers, or inspect it in tests);
   * `storeCapacity` is then ignored.
   * @defaultValue a new `UserStatusStore(storeCapacity)`
   */
  readonly store?: UserStatusStore;
}

/** Where a listening provider can be reached. */
export interface ProviderAddress {
  /** The base URL without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  /** The port listened on (the one chosen by the system when 0 was asked). */
  readonly port: number;
  /** The host listened on. */
  readonly host: string;
}

/** A running (or ready to run) reference provider. */
export interface Provider {
  /**
   * Starts listening; resolves once it does.
   * @param options - `host` defaults to `127.0.0.1`; `port` defaults to 0, a free port chosen by
   * the system (`serve` uses `DEFAULT_PORT`, 4010).
   * @throws ConnectionError when it cannot listen (port in use, unknown host).
   */
  listen(options?: { host?: string; port?: number }): Promise<ProviderAddress>;
  /** Stops listening and closes every connection; resolves once closed (at once if not listening). */
  close(): Promise<void>;
  /** Ensures the policy exists and empties the store (a Pact provider state). */
  setProviderState(state: { policyId: string }): void;
  /**
   * The raw `node:http` handler, usable without `listen` (e.g. by supertest or another server);
   * that server's own timeouts then bound slow requests.
   */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** The provider's store (read it in tests; the HTTP API is the way to change it). */
  readonly store: UserStatusStore;
}

// A bearer token must be an RFC 6750 b64token, or no Authorization header could ever carry it.
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
// How long in-flight requests may finish after close() before their connections are cut.
const CLOSE_GRACE_MS = 500;

/**
 * Creates the reference provider: a local fake of Microsoft Graph's
 * `/deviceManagement/deviceCompliancePolicies/{id}/userStatuses` (create, list, get, update,
 * delete) with Graph's status codes, error envelope and headers, and an in-memory, bounded store.
 *
 * Built on `node:http` rather than fastify: fastify measured 0.84-0.98x of `node:http` here and
 * would need its Ajv defaults (coercion, removing extra keys) turned off, while the raw stream lets
 * the provider cap body bytes as they arrive, reject invalid UTF-8 and time out slow bodies itself.
 * @example
 * const provider = createProvider({ policyIds: ['p1'] });
 * const { url } = await provider.listen({ port: 0 });
 * // POST `${url}/v1.0/deviceManagement/deviceCompliancePolicies/p1/userStatuses`
 * await provider.close();
 */
export function createProvider(options: ProviderOptions = {}): Provider {
  const tokens = new Set(options.tokens ?? [DEFAULT_TOKEN]);
  for (const token of tokens) {
    if (!TOKEN.test(token)) {
      throw new UsageError(
        `the token ${JSON.stringify(token)} cannot be sent as a bearer token: use letters, digits and - . _ ~ + / only`,
      );
    }
  }
  if (tokens.size === 0) throw new UsageError('at least one token must be accepted');
  const policyIds = options.policyIds ?? [DEFAULT_POLICY_ID];
  for (const policyId of policyIds) assertPolicyId(policyId);
  const policies = new Set(policyIds);
  const maxBodyBytes = positiveInteger(
    options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    'maxBodyBytes',
  );
  const requestTimeoutMs = positiveInteger(
    options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    'requestTimeoutMs',
  );
  const seed = options.seed ?? DEFAULT_PROVIDER_SEED;
  if (!Number.isSafeInteger(seed)) {
    throw new UsageError(`the seed must be a safe integer, not ${String(seed)}`);
  }
  if (options.throttle !== undefined && !(options.throttle > 0)) {
    throw new UsageError(`throttle must be a positive rate, not ${String(options.throttle)}`);
  }
  const store =
    options.store ?? new UserStatusStore(options.storeCapacity ?? DEFAULT_STORE_CAPACITY);
  const nextId = createStatusIdGenerator(seed);
  const preload = options.preload ?? 0;
  if (!Number.isSafeInteger(preload) || preload < 0) {
    throw new UsageError(`preload must be a non-negative integer, not ${String(preload)}`);
  }
  if (preload > 0) preloadStatuses(store, policyIds, preload, seed, nextId);

  const setProviderState = (state: { policyId: string }): void => {
    assertPolicyId(state.policyId);
    policies.add(state.policyId);
    store.clear();
  };
  const handler = createRequestHandler({
    tokens,
    policies,
    store,
    nextId,
    maxBodyBytes,
    selfCheck: options.selfCheck ?? false,
    throttle: options.throttle === undefined ? undefined : createThrottle(options.throttle),
    enableStateRoute: options.enableStateRoute ?? false,
    profile: options.profile ?? 'documented',
    onRequest: options.onRequest,
    applyProviderState: (policyId) => {
      if (policyId !== undefined) policies.add(policyId);
      store.clear();
    },
  });

  let server: Server | undefined;
  return {
    handler,
    store,
    setProviderState,
    async listen(listenOptions = {}) {
      if (server !== undefined) throw new UsageError('the provider is already listening');
      const host = listenOptions.host ?? DEFAULT_HOST;
      const port = listenOptions.port ?? 0;
      const created = createServer(
        {
          // Node's own sweep times out slow headers and slow bodies for every connection at once;
          // a timer per request cost about 8 us, a tenth of a create. `clientError` below turns
          // the timeout into a Graph 408. The check interval bounds how late it fires.
          headersTimeout: requestTimeoutMs,
          requestTimeout: requestTimeoutMs,
          connectionsCheckingInterval: Math.max(
            25,
            Math.min(1000, Math.floor(requestTimeoutMs / 4)),
          ),
        },
        handler,
      );
      created.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
        answerClientError(error, socket, requestTimeoutMs, options.onRequest),
      );
      server = created;
      try {
        await new Promise<void>((resolve, reject) => {
          created.once('error', reject);
          created.listen(port, host, () => {
            created.removeListener('error', reject);
            resolve();
          });
        });
      } catch (error) {
        server = undefined;
        throw listenError(error, host, port);
      }
      const address = created.address();
      const boundPort = typeof address === 'object' && address !== null ? address.port : port;
      return { url: `http://${urlHost(host)}:${boundPort}`, port: boundPort, host };
    },
    async close() {
      const closing = server;
      server = undefined;
      if (closing === undefined) return;
      await new Promise<void>((resolve) => {
        closing.close(() => resolve());
        closing.closeIdleConnections();
        const cut = setTimeout(() => closing.closeAllConnections(), CLOSE_GRACE_MS);
        cut.unref();
        closing.once('close', () => clearTimeout(cut));
      });
    },
  };
}

function assertPolicyId(policyId: unknown): void {
  if (typeof policyId !== 'string' || policyId === '') {
    throw new UsageError(`a policy id must be a non-empty string, not ${JSON.stringify(policyId)}`);
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${name} must be a positive integer, not ${String(value)}`);
  }
  return value;
}

/** A host as it appears in a URL clients can use: brackets for IPv6, loopback for wildcards. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function listenError(error: unknown, host: string, port: number): ConnectionError {
  const url = `http://${urlHost(host)}:${port}`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `${host}:${port}`;
  const reason =
    code === 'EADDRINUSE'
      ? `port ${port} on ${host} is already in use; stop the other server or choose another port (0 picks a free one)`
      : code === 'EACCES'
        ? `not allowed to listen on ${where}; choose a port above 1023`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? `${host} is not an address of this machine; use 127.0.0.1 or 0.0.0.0`
          : `cannot listen on ${where}: ${error instanceof Error ? error.message : String(error)}`;
  return new ConnectionError(url, reason, { cause: error });
}

/**
 * Answers a request Node could not parse (bad request line, oversized headers) or that did not
 * arrive within the timeout (slow headers or body) with a Graph error envelope instead of Node's
 * bare status line, then closes the connection. As Node does, it answers only on a connection
 * that has not answered anything yet: otherwise a reply may already be on the wire for this
 * request, and the connection is just closed.
 */
function answerClientError(
  error: NodeJS.ErrnoException,
  socket: Socket,
  requestTimeoutMs: number,
  onRequest: ((line: RequestLogLine) => void) | undefined,
): void {
  if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const requestId = randomUUID();
  const message =
    status === 408
      ? `The request did not arrive within ${requestTimeoutMs} ms.`
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? 'The request headers are too large.'
        : 'The request is not valid HTTP/1.1.';
  const body = JSON.stringify(
    graphErrorBody(status, message, { requestId, clientRequestId: requestId }),
  );
  socket.end(
    `HTTP/1.1 ${status} ${status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
      `Content-Type: ${GRAPH_JSON_CONTENT_TYPE}\r\nOData-Version: ${GRAPH_ODATA_VERSION}\r\n` +
      `request-id: ${requestId}\r\nclient-request-id: ${requestId}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  rawAnswers.set(socket, status);
  // A timed-out request that reached the handler is logged there, with its method and path.
  if (status !== 408) onRequest?.({ method: '-', path: '-', status, durationMs: 0, requestId });
}
