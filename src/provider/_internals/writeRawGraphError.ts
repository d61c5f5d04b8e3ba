import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { graphErrorBody } from './graphErrorBody';
import type { GraphErrorStatus } from './graphErrorCodes';
import { GRAPH_JSON_CONTENT_TYPE, GRAPH_ODATA_VERSION } from './graphResponseHeaders';

/**
 * Writes a Graph error answer straight to a socket and closes it, for requests that never reach
 * the request handler (malformed HTTP, oversized headers, timeouts, CONNECT): the same envelope
 * and headers as any other error, with `Connection: close`. Returns the `request-id` answered.
 */
export function writeRawGraphError(
  socket: Socket,
  status: GraphErrorStatus,
  message: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): string {
  const requestId = randomUUID();
  const body = JSON.stringify(
    graphErrorBody(status, message, { requestId, clientRequestId: requestId }),
  );
  let head =
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
    `Content-Type: ${GRAPH_JSON_CONTENT_TYPE}\r\nOData-Version: ${GRAPH_ODATA_VERSION}\r\n` +
    `request-id: ${requestId}\r\nclient-request-id: ${requestId}\r\n`;
  for (const [name, value] of Object.entries(extraHeaders)) head += `${name}: ${value}\r\n`;
  socket.end(
    `${head}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  return requestId;
}
