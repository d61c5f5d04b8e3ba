import type { Fault } from '../faults/Fault';

/** One fault the provider injected: what `onFault` receives and `serve --faults` logs. */
export interface FaultEvent {
  /** The request's ordinal among those the schedule applies to (from 1). */
  readonly ordinal: number;
  /** The request method as sent. */
  readonly method: string;
  /** The request target as sent, query included. */
  readonly path: string;
  /** The fault injected. */
  readonly fault: Fault;
}
