import { randomUUID } from 'node:crypto';
import type { GraphErrorIds } from './graphErrorBody';

/** The `Content-Type` Graph answers JSON with (OData minimal metadata, UTF-8). */
export const GRAPH_JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** The `OData-Version` Graph answers with. */
export const GRAPH_ODATA_VERSION = '4.0';

// Characters Node accepts in a header value: a client-request-id is echoed only if it can be.
const ECHOABLE_HEADER = /^[\t\x20-\x7e\x80-\xff]+$/;

/**
 * The ids of one answer: a new `request-id`, and the `client-request-id` to answer with (the
 * client's when it can be echoed, else the request id).
 */
export function answerIds(clientRequestIdSent: unknown): GraphErrorIds {
  const requestId = randomUUID();
  const clientRequestId =
    typeof clientRequestIdSent === 'string' && ECHOABLE_HEADER.test(clientRequestIdSent)
      ? clientRequestIdSent
      : requestId;
  return { requestId, clientRequestId };
}

/**
 * The headers every answer starts with, as a flat `[name, value, ...]` list (Node walks it without
 * the own-property checks of an object): the OData version and the answer's ids.
 */
export function graphHead(ids: GraphErrorIds): string[] {
  return [
    'odata-version',
    GRAPH_ODATA_VERSION,
    'request-id',
    ids.requestId,
    'client-request-id',
    ids.clientRequestId,
  ];
}
