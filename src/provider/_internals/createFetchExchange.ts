import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { ProviderRequest } from './ProviderRequest';
import type { ProviderResponse } from './ProviderResponse';

/** A fetch `Request` seen as the request handler reads requests, and its answer as a `Response`. */
export interface FetchExchange {
  /** The request: method, path and query, lower-case headers, and the body as `data` events. */
  readonly req: ProviderRequest;
  /** Records the status, headers and body the handler writes. */
  readonly res: ProviderResponse;
  /**
   * The answer, once the handler ends it; rejects with the body's error when the request body
   * fails (an aborted request, which the handler does not answer).
   */
  readonly response: Promise<Response>;
}

// Nothing to close: a `Request` carries no connection.
const NO_SOCKET = { destroy: () => undefined };

/**
 * Adapts a fetch `Request` to the request handler's transport, so fetch-based callers (MSW, a
 * fetch server) run the very handler `node:http` does. The body is streamed as it is read, and
 * reading stops once it passes `maxBodyBytes`: by then the handler has answered 413.
 */
export function createFetchExchange(request: Request, maxBodyBytes: number): FetchExchange {
  const recorder = recordResponse(request.method);
  const req = adaptRequest(request, maxBodyBytes, recorder.abort);
  return { req, res: recorder.res, response: recorder.response };
}

function adaptRequest(
  request: Request,
  maxBodyBytes: number,
  abort: (error: Error) => void,
): ProviderRequest {
  const url = new URL(request.url);
  const headers: IncomingHttpHeaders = {};
  const rawHeaders: string[] = [];
  // Names come lower-case from `Headers`, as `node:http` gives them.
  request.headers.forEach((value, name) => {
    headers[name] = value;
    rawHeaders.push(name, value);
  });
  const dataListeners: Array<(chunk: Buffer) => void> = [];
  const endListeners: Array<() => void> = [];
  const errorListeners: Array<(error: Error) => void> = [];
  let reading = false;

  const pump = async (): Promise<void> => {
    let size = 0;
    try {
      if (request.body !== null) {
        const reader = request.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const bytes = value as Uint8Array;
          const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          size += chunk.length;
          for (const listener of dataListeners) listener(chunk);
          if (size > maxBodyBytes) {
            await reader.cancel();
            return;
          }
        }
      }
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      for (const listener of errorListeners) listener(error);
      abort(error);
      return;
    }
    for (const listener of endListeners) listener();
  };

  const req: ProviderRequest = {
    method: request.method,
    url: url.pathname + url.search,
    origin: url.origin,
    headers,
    rawHeaders,
    socket: NO_SOCKET,
    on(event: 'data' | 'end' | 'error', listener: (argument: never) => void) {
      if (event === 'end') {
        endListeners.push(listener as () => void);
      } else if (event === 'error') {
        errorListeners.push(listener as (error: Error) => void);
      } else {
        dataListeners.push(listener as (chunk: Buffer) => void);
        if (!reading) {
          reading = true;
          // Started on the next microtask, once the reader has attached 'end' and 'error' too.
          queueMicrotask(() => void pump());
        }
      }
      return req;
    },
  };
  return req;
}

/**
 * A response the handler writes into, settling `response` when it ends (or rejecting it when
 * the request is aborted), and emitting 'close' after either, once, as `node:http` does.
 */
function recordResponse(method: string): {
  res: ProviderResponse;
  response: Promise<Response>;
  abort: (error: Error) => void;
} {
  let statusCode = 200;
  let head: readonly string[] = [];
  let headersSent = false;
  let closed = false;
  const closeListeners: Array<() => void> = [];
  let resolve: (response: Response) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const response = new Promise<Response>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  // Emitted after the answer is handed over, not inside `end`, as `node:http` emits 'close'.
  const close = (): void => {
    if (closed) return;
    closed = true;
    queueMicrotask(() => {
      for (const listener of closeListeners) listener();
    });
  };

  const res: ProviderResponse = {
    get headersSent() {
      return headersSent;
    },
    get statusCode() {
      return statusCode;
    },
    writeHead(status, flatHeaders) {
      statusCode = status;
      head = flatHeaders;
      headersSent = true;
      return res;
    },
    end(body) {
      headersSent = true;
      const answerHeaders = new Headers();
      for (let at = 0; at + 1 < head.length; at += 2) {
        answerHeaders.append(head[at] as string, head[at + 1] as string);
      }
      resolve(
        // As over HTTP, an answer to HEAD has no body.
        new Response(method === 'HEAD' ? null : (body ?? null), {
          status: statusCode,
          statusText: STATUS_CODES[statusCode] ?? '',
          headers: answerHeaders,
        }),
      );
      close();
      return res;
    },
    once(_event, listener) {
      closeListeners.push(listener);
      return res;
    },
  };
  return {
    res,
    response,
    abort(error) {
      // A connection closing before the answer: the log line says status 0.
      reject(error);
      close();
    },
  };
}
