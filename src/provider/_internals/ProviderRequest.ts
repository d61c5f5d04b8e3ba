import type { IncomingHttpHeaders } from 'node:http';

/**
 * What the request handler reads of a request: `node:http`'s `IncomingMessage` fits as it is, and
 * `createFetchExchange` adapts a fetch `Request` to it, so both transports run the same handler.
 */
export interface ProviderRequest {
  /** The method as sent. */
  readonly method?: string | undefined;
  /** The request target: the path and the query string. */
  readonly url?: string | undefined;
  /** The headers, by lower-case name. */
  readonly headers: IncomingHttpHeaders;
  /** The header fields as sent, `[name, value, ...]`: their count is what the header limit counts. */
  readonly rawHeaders?: readonly string[];
  /**
   * The origin the request was sent to, when the transport knows it (a fetch `Request`'s URL);
   * `node:http` leaves it out and the `Host` header says it.
   */
  readonly origin?: string;
  /**
   * The connection: it keys the answers a transport writes outside the handler, and is destroyed
   * when an answer fails after its head was written; `encrypted` on a TLS connection.
   */
  readonly socket: { destroy(): unknown; readonly encrypted?: boolean };
  /** Body bytes, as they arrive. */
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  /** The body is complete. */
  on(event: 'end', listener: () => void): unknown;
  /** The body failed to arrive (the client aborted). */
  on(event: 'error', listener: (error: Error) => void): unknown;
}
