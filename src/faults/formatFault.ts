import type { Fault } from './Fault';

/**
 * A fault in the spec's own words: `429 retry-after=1.5`, `503`, `reset-after-store`,
 * `latency ms=200`.
 */
export function formatFault(fault: Fault): string {
  switch (fault.kind) {
    case 'latency':
      return `latency ms=${fault.ms}`;
    case '429':
    case '503':
    case '504':
      return fault.retryAfter === undefined
        ? fault.kind
        : `${fault.kind} retry-after=${fault.retryAfter}`;
    default:
      return fault.kind;
  }
}
