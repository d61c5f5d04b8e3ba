import type { FuzzExchange } from './FuzzExchange';
import type { FuzzCase } from './FuzzCase';

/** What happened when a case was run: every exchange, and the role each played. */
export interface CaseOutcome {
  readonly fuzzCase: FuzzCase;
  /** Every exchange, in order. */
  readonly exchanges: readonly FuzzExchange[];
  /** The request the case is about (the create, the rejected body, the wrong method...). */
  readonly main: FuzzExchange;
  /** The read by id after a successful create (kinds `create` and `method` on an item). */
  readonly readBack?: FuzzExchange;
  /** The delete of a created status (kind `lifecycle`). */
  readonly deletion?: FuzzExchange;
  /** The read by id after the delete (kind `lifecycle`). */
  readonly readAfterDelete?: FuzzExchange;
  /** The collection listed, page by page, after an unauthorised create, to prove nothing was created. */
  readonly listing?: readonly FuzzExchange[];
}
