import { parseJsonBody } from './parseJsonBody';
import { readRequestBody } from './readRequestBody';
import type { Exchange } from './Exchange';
import { truncate } from './truncate';

/** What `readParsedBody` calls the body in messages, and the value an empty body stands for. */
export interface ReadParsedBodyOptions {
  readonly what: string;
  readonly whenEmpty?: unknown;
}

/**
 * Reads a body within the size limit and parses it, then hands the value on; a content coding
 * (415), a body too large (413), not JSON (400) or a throw in `then` (500) is answered here, an
 * aborted request not at all.
 */
export function readParsedBody(
  exchange: Exchange,
  options: ReadParsedBodyOptions,
  then: (body: unknown) => void,
): void {
  const { req, config, reply } = exchange;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && !isIdentityEncoding(encoding)) {
    // RFC 9110 §8.4: a content coding the server does not accept gets 415, and Accept-Encoding
    // says which ones it does (§12.5.3).
    reply.error(
      415,
      `Content-Encoding ${JSON.stringify(truncate(encoding))} is not supported: send the ${options.what} unencoded.`,
      { 'accept-encoding': 'identity' },
    );
    return;
  }
  readRequestBody(req, config.maxBodyBytes, (read) => {
    try {
      // An aborted request cannot be answered.
      if (read.kind === 'aborted') return;
      if (read.kind === 'tooLarge') {
        reply.error(413, `The ${options.what} is larger than ${config.maxBodyBytes} bytes.`);
        return;
      }
      const parsed =
        read.bytes.length === 0 && 'whenEmpty' in options
          ? { ok: true as const, value: options.whenEmpty }
          : parseJsonBody(read.bytes);
      if (!parsed.ok) {
        reply.error(400, parsed.message);
        return;
      }
      then(parsed.value);
    } catch (error) {
      reply.internalError(error);
    }
  });
}

/** Whether a Content-Encoding names no coding: empty, or `identity` (in any case) only. */
function isIdentityEncoding(header: string): boolean {
  return header.split(',').every((coding) => {
    const name = coding.trim().toLowerCase();
    return name === '' || name === 'identity';
  });
}
