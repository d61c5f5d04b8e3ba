import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ConnectionError, UsageError } from '../errors';
import type { ClientRecord } from '../faults/RecordedRequest';
import { createFaultyHandler } from './_internals/createFaultyHandler';
import { createProviderCore } from './_internals/createProviderCore';
import { createRequestHandler } from './_internals/createRequestHandler';
import { DEFAULT_HOST, MAX_REQUEST_HEADERS } from './defaults';
import type { ProviderOptions } from './ProviderOptions';
import type { RequestLogLine } from './RequestLogLine';
import type { UserStatusStore } from './UserStatusStore';
import { writeRawGraphError } from './_internals/writeRawGraphError';

// Declared in its own file since `createFetchProvider` takes it too; still exported from here, where
// the package entry imports it.

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
   * Returns to the state at creation: only the configured policies exist, the store holds nothing
   * (or the `preload` statuses again, with the same ids), ids restart from the seed, the
   * throttle, if any, is full, and the fault ordinals and record restart.
   */
  reset(): void;
  /**
   * The raw `node:http` handler, usable without `listen` (e.g. by supertest or another server);
   * that server's own timeouts then bound slow requests.
   */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** The provider's store (read it in tests; the HTTP API is the way to change it). */
  readonly store: UserStatusStore;
  /**
   * What clients did, request by request, when `faults` or `record` is set (else always empty):
   * give it to `judgeClientBehaviour` or `expect(...).toBeResilientClient()`.
   */
  readonly record: ClientRecord;
}

// How long in-flight requests may finish after close() before their connections are cut.
const CLOSE_GRACE_MS = 500;
// Every method the provider answers on some route: what a CONNECT, answered on no route, is told.
const SERVED_METHODS = 'GET, HEAD, POST, PATCH, DELETE';

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
  const core = createProviderCore(options);
  const { requestTimeoutMs } = core;
  // What the server answered straight on a connection (a timeout), for the handler's log line.
  const answeredOnSocket = new WeakMap<object, number>();
  const plain = createRequestHandler(core.handlerConfig, (socket) => answeredOnSocket.get(socket));
  // Chosen once: without faults or recording, requests meet no fault check at all.
  const handler =
    core.injector === undefined
      ? plain
      : createFaultyHandler(
          plain,
          core.injector,
          core.handlerConfig.maxBodyBytes,
          options.onRequest,
        );

  let server: Server | undefined;
  return {
    handler,
    store: core.store,
    record: core.record,
    setProviderState: core.setProviderState,
    reset: core.reset,
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
      // One header past the limit is kept, so the handler can tell "too many" from "exactly the
      // limit" and answer 431; Node drops the rest of them unread.
      created.maxHeadersCount = MAX_REQUEST_HEADERS + 1;
      created.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
        answerClientError(error, socket, requestTimeoutMs, answeredOnSocket, options.onRequest),
      );
      // Without these listeners Node drops a CONNECT unanswered and answers an unknown Expect
      // with a bare 417; the handler answers the Expect, and CONNECT gets a Graph 405.
      created.on('checkExpectation', handler);
      created.on('connect', (req: IncomingMessage, socket: Socket) =>
        answerConnect(req, socket, options.onRequest),
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
  answeredOnSocket: WeakMap<object, number>,
  onRequest: ((line: RequestLogLine) => void) | undefined,
): void {
  if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const status =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? 408
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : 400;
  const message =
    status === 408
      ? `The request did not arrive within ${requestTimeoutMs} ms.`
      : status === 431
        ? 'The request headers are too large.'
        : 'The request is not valid HTTP/1.1.';
  const requestId = writeRawGraphError(socket, status, message);
  answeredOnSocket.set(socket, status);
  // A timed-out request that reached the handler is logged there, with its method and path.
  if (status !== 408) onRequest?.({ method: '-', path: '-', status, durationMs: 0, requestId });
}

/**
 * Answers CONNECT (a proxy tunnel, which this server is not) with a Graph 405 and the methods it
 * serves, then closes the connection.
 */
function answerConnect(
  req: IncomingMessage,
  socket: Socket,
  onRequest: ((line: RequestLogLine) => void) | undefined,
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const requestId = writeRawGraphError(
    socket,
    405,
    `CONNECT is not allowed: this server is not a proxy; allowed: ${SERVED_METHODS}.`,
    { Allow: SERVED_METHODS },
  );
  onRequest?.({ method: 'CONNECT', path: req.url ?? '-', status: 405, durationMs: 0, requestId });
}
