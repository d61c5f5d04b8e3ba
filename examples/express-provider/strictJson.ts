import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { GraphError } from './graphErrors';

/** The largest body accepted; a larger one gets 413 (as from Graph). */
const BODY_LIMIT = '1mb';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Express's JSON parser, refusing what `JSON.parse` lets through but Graph does not: a property
 * sent twice (`JSON.parse` silently keeps the last value, so `{"status":"Bogus","status":"error"}`
 * would pass as valid), bytes that are not UTF-8, a byte order mark (which Express would strip), and
 * a string escape that is half of a surrogate pair (`"\ud800"`, not a Unicode character).
 */
export const strictJson = express.json({
  limit: BODY_LIMIT,
  verify: refuseAmbiguousJson,
  reviver: refuseLoneSurrogates,
});

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function refuseLoneSurrogates(key: string, value: unknown): unknown {
  if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value))) {
    // A SyntaxError, as the parser's own: body-parser strips the fields of what a reviver throws
    // and reports it as entity.parse.failed, which graphErrorHandler answers with a 400.
    throw new SyntaxError(`the property '${key}' holds half of a surrogate pair`);
  }
  return value;
}

function refuseAmbiguousJson(_req: IncomingMessage, _res: ServerResponse, bytes: Buffer): void {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new GraphError(400, 'The request body is not valid UTF-8.');
  }
  if (text.startsWith('\uFEFF')) {
    throw new GraphError(400, 'The request body starts with a byte order mark; send plain UTF-8.');
  }
  const duplicate = duplicateTopLevelKey(text);
  if (duplicate !== undefined) {
    throw new GraphError(400, `The property '${duplicate}' appears more than once in the body.`);
  }
}

/**
 * The first property name the top-level object of a JSON text holds twice. It only scans: text
 * that is not JSON is left for the parser to refuse. Iterative, so deep nesting costs nothing extra.
 */
function duplicateTopLevelKey(text: string): string | undefined {
  if (text.trimStart()[0] !== '{') return undefined;
  const seen = new Set<string>();
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth !== 1 || !expectKey) continue;
      let name: string;
      try {
        // Decoded, so that "st\u0061tus" and "status" count as the same property.
        name = JSON.parse(text.slice(start, i + 1)) as string;
      } catch {
        return undefined;
      }
      if (seen.has(name)) return name;
      seen.add(name);
      expectKey = false;
    } else if (char === '{' || char === '[') {
      depth++;
      expectKey = depth === 1 && char === '{';
    } else if (char === '}' || char === ']') {
      depth--;
    } else if (char === ',' && depth === 1) {
      expectKey = true;
    }
  }
  return undefined;
}
