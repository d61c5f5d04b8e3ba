/**
 * What the request handler writes an answer through: `node:http`'s `ServerResponse` fits as it
 * is, and `createFetchExchange` records it into a fetch `Response`.
 */
export interface ProviderResponse {
  /** Whether the status line and headers have been written. */
  readonly headersSent: boolean;
  /** The status written (meaningful once `headersSent`). */
  readonly statusCode: number;
  /** Writes the status and the headers, as a flat `[name, value, ...]` list. */
  writeHead(statusCode: number, headers: string[]): unknown;
  /** Ends the answer with this body (none for `undefined`). */
  end(body: string | undefined): unknown;
  /** Calls `listener` once the exchange is over (answered, or the connection closed). */
  once(event: 'close', listener: () => void): unknown;
}
