import { randomUUID } from 'node:crypto';
import type { FaultStatusKind } from '../../faults/Fault';
import { graphErrorBody } from './graphErrorBody';
import { GRAPH_JSON_CONTENT_TYPE, GRAPH_ODATA_VERSION } from './graphResponseHeaders';

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

// As the request handler echoes it: only a client-request-id Node can write back.
const ECHOABLE_HEADER = /^[\t\x20-\x7e\x80-\xff]+$/;

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
  const requestId = randomUUID();
  const clientRequestId =
    clientRequestIdSent !== undefined && ECHOABLE_HEADER.test(clientRequestIdSent)
      ? clientRequestIdSent
      : requestId;
  const retry = fault.retryAfter === undefined ? '' : ` Retry after ${fault.retryAfter} second(s).`;
  const body = JSON.stringify(
    graphErrorBody(status, `${MESSAGES[fault.kind]}${retry}`, { requestId, clientRequestId }),
  );
  const head = [
    'odata-version',
    GRAPH_ODATA_VERSION,
    'request-id',
    requestId,
    'client-request-id',
    clientRequestId,
    'content-type',
    GRAPH_JSON_CONTENT_TYPE,
    'content-length',
    String(Buffer.byteLength(body)),
  ];
  if (fault.retryAfter !== undefined) head.push('retry-after', String(fault.retryAfter));
  return { status, head, body };
}
