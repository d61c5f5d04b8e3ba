import { isUtf8 } from 'node:buffer';
import { findDuplicateTopLevelKey } from './findDuplicateTopLevelKey';
import { findLoneSurrogate } from './findLoneSurrogate';

/** A request body parsed as JSON, or why it is not JSON. */
export type ParsedJsonBody =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const MAX_REASON_LENGTH = 200;

/**
 * Decodes a body as strict UTF-8 and parses it as JSON. Never throws: invalid UTF-8, a byte order
 * mark, an empty body, a syntax error, nesting too deep for the parser, a property sent twice and
 * a string holding half of a surrogate pair all come back as a message.
 */
export function parseJsonBody(bytes: Buffer): ParsedJsonBody {
  // Checked first: decoding alone would turn invalid bytes into U+FFFD, which would then be stored
  // and echoed as if the client had sent it. (`isUtf8` is several times faster than a fatal
  // TextDecoder, and this runs on every body.)
  if (!isUtf8(bytes)) return { ok: false, message: 'The request body is not valid UTF-8.' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // RFC 8259 forbids sending one; refusing it keeps the fake as strict as the strictest reader.
    return {
      ok: false,
      message: 'The request body starts with a byte order mark (U+FEFF); send JSON without it.',
    };
  }
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    if (text.trim() === '') {
      return { ok: false, message: 'The request body is empty; send a JSON object.' };
    }
    const reason = error instanceof Error ? error.message : String(error);
    // V8 quotes the input in some messages: keep the reason one short line.
    const oneLine = reason.replace(/\s+/g, ' ');
    const short =
      oneLine.length > MAX_REASON_LENGTH ? `${oneLine.slice(0, MAX_REASON_LENGTH)}...` : oneLine;
    return { ok: false, message: `The request body is not valid JSON: ${short}` };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const duplicate = findDuplicateTopLevelKey(text, Object.keys(value).length);
    if (duplicate !== undefined) {
      return {
        ok: false,
        message: `The request body has the property ${JSON.stringify(duplicate)} more than once; send each property once.`,
      };
    }
  }
  const lone = findLoneSurrogate(text, value);
  if (lone !== undefined) {
    return {
      ok: false,
      message: `The request body has half of a surrogate pair at ${JSON.stringify(lone || '(root)')}, which is not a Unicode character; send well-formed text.`,
    };
  }
  return { ok: true, value };
}
