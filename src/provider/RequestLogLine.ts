/**
 * What the provider reports about each request it answered (one log line of `serve`). A request
 * whose headers never arrived in time is not reported; malformed HTTP is, with `-` method and path.
 */
export interface RequestLogLine {
  /** The request method as sent (`-` when the request could not be parsed at all). */
  readonly method: string;
  /** The request target as sent, query included (`-` when the request could not be parsed). */
  readonly path: string;
  /** The status code answered, or 0 when the connection closed before any answer. */
  readonly status: number;
  /** Milliseconds from the request's headers to the end of the answer. */
  readonly durationMs: number;
  /** The `request-id` header answered (empty when the request could not be parsed). */
  readonly requestId: string;
}
