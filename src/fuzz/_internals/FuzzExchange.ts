/** A request the fuzzer sends: everything needed to replay it, or to print it as `curl`. */
export interface FuzzRequest {
  readonly method: string;
  /** Path and query, starting with `/`, relative to the target's base URL. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body, exactly as sent (not re-serialised, so malformed JSON stays malformed). */
  readonly body?: string;
}

/** What came back: a response, or the way the exchange failed. */
export type FuzzResponse =
  | {
      readonly kind: 'response';
      readonly status: number;
      /** Header names in lower case; repeated headers joined with `, `. */
      readonly headers: Readonly<Record<string, string>>;
      /** The body as text (truncated past the reading limit; see `truncated`). */
      readonly body: string;
      readonly truncated: boolean;
      readonly durationMs: number;
    }
  | {
      readonly kind: 'failure';
      readonly reason: 'timeout' | 'connection-refused' | 'connection-dropped' | 'other';
      readonly message: string;
      readonly durationMs: number;
    };

/** One request and what came back. */
export interface FuzzExchange {
  readonly request: FuzzRequest;
  readonly response: FuzzResponse;
}
