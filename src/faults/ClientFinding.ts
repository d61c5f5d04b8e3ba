import type { RecordedRequest } from './RecordedRequest';

/**
 * What a resilient client does, one rule per oracle of `judgeClientBehaviour`:
 * - `retry-after-honoured`: it waits at least `Retry-After` before retrying;
 * - `retries-bounded`: it retries one operation at most `maxRetries` times;
 * - `no-duplicate-create`: after an ambiguous failure (the create stored, its answer lost), it
 *   does not store the same body again;
 * - `reported-creates-exist`: every status it reports as created exists;
 * - `clear-give-up`: it gives up on a failure it could retry only after `minRetries` retries, and
 *   then surfaces a clear error (an `Error` with a message).
 */
export const CLIENT_RULES = [
  'retry-after-honoured',
  'retries-bounded',
  'no-duplicate-create',
  'reported-creates-exist',
  'clear-give-up',
] as const;

/** One rule of client behaviour (see `CLIENT_RULES`). */
export type ClientRule = (typeof CLIENT_RULES)[number];

/** A rule the client broke, with the requests that show it. */
export interface ClientFinding {
  /** The rule broken. */
  readonly rule: ClientRule;
  /**
   * What went wrong, then the request sequence that shows it, one line per request with its time
   * in milliseconds from the first request recorded.
   */
  readonly message: string;
  /** The requests that show it, in order. */
  readonly requests: readonly RecordedRequest[];
}
