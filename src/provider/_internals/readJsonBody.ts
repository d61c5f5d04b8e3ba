import { isJsonContentType } from './isJsonContentType';
import type { Exchange } from './Exchange';
import { readParsedBody } from './readParsedBody';
import { truncate } from './truncate';

const REQUEST_BODY = { what: 'request body' } as const;

/**
 * Checks the Content-Type, reads the body within the size limit, decodes and parses it, then
 * hands the value on; every failure is answered here.
 */
export function readJsonBody(exchange: Exchange, then: (body: unknown) => void): void {
  const contentType = exchange.req.headers['content-type'];
  if (!isJsonContentType(contentType)) {
    exchange.reply.error(
      415,
      contentType === undefined
        ? 'The request has no Content-Type: send Content-Type: application/json.'
        : `Content-Type ${JSON.stringify(truncate(contentType))} is not supported: send application/json.`,
    );
    return;
  }
  readParsedBody(exchange, REQUEST_BODY, then);
}
