/**
 * The ways Graph misbehaves that a schedule can inject, mildest first (the order fast-check shrinks
 * toward): added latency, a 429, a 503, a 504, a connection reset before the request is applied,
 * and a reset after it was applied (a create stored, its answer lost: the ambiguous case).
 */
export const FAULT_KINDS = [
  'latency',
  '429',
  '503',
  '504',
  'reset-before-store',
  'reset-after-store',
] as const;

/** One kind of fault (see `FAULT_KINDS`). */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The status codes a fault can answer with, each with Graph's error envelope. */
export type FaultStatusKind = '429' | '503' | '504';

/**
 * What happens to one request instead of (or before) its normal answer.
 *
 * - `429`, `503`, `504`: Graph's error envelope with that status; `retryAfter` (seconds, integer
 *   or fractional such as `2.128`) is sent as `Retry-After` when present.
 * - `reset-before-store`: the connection is destroyed before the request is applied.
 * - `reset-after-store`: the request is applied (a create is stored, an update or delete done),
 *   then the connection is destroyed without an answer.
 * - `latency`: the request is answered normally after `ms` milliseconds more.
 */
export type Fault =
  | { readonly kind: FaultStatusKind; readonly retryAfter?: number }
  | { readonly kind: 'reset-before-store' | 'reset-after-store' }
  | { readonly kind: 'latency'; readonly ms: number };

/** A fault pinned to a request: `{ at: 3, kind: '429', retryAfter: 1.5 }` is the 3rd request. */
export type ScheduledFault = Fault & {
  /** The request's ordinal, from 1, among the requests the schedule applies to. */
  readonly at: number;
};
