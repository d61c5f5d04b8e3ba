import type { FaultStatusKind } from '../../faults/Fault';
import { graphErrorBody } from './graphErrorBody';
import { answerIds, GRAPH_JSON_CONTENT_TYPE, graphHead } from './graphResponseHeaders';

/** An injected error answer: its status, headers as a flat `[name, value, ...]` list, and body. */
export interface FaultAnswer {
  readonly status: 429 | 503 | 504;
  readonly head: string[];
  readonly body: string;
}

const MESSAGES = {
  '429': 'Too many requests (an injected fault).',
  '503': 'The service is temporarily unavailable (an injected fault).',
  '504': 'The gateway timed out (an injected fault).',
} as const;

/**
 * Graph's answer for an injected 429, 503 or 504: the error envelope with `request-id`,
 * `client-request-id` (the client's, or the request id) and `date` in `innerError`, the same
 * headers as every other answer, and `Retry-After` when the fault carries one.
 */
export function faultAnswer(
  fault: { readonly kind: FaultStatusKind; readonly retryAfter?: number },
  clientRequestIdSent: string | undefined,
): FaultAnswer {
  const status = Number(fault.kind) as 429 | 503 | 504;
  const ids = answerIds(clientRequestIdSent);
  const retry = fault.retryAfter === undefined ? '' : ` Retry after ${fault.retryAfter} second(s).`;
  const body = JSON.stringify(graphErrorBody(status, `${MESSAGES[fault.kind]}${retry}`, ids));
  const head = [
    ...graphHead(ids),
    'content-type',
    GRAPH_JSON_CONTENT_TYPE,
    'content-length',
    String(Buffer.byteLength(body)),
  ];
  if (fault.retryAfter !== undefined) head.push('retry-after', String(fault.retryAfter));
  return { status, head, body };
}
