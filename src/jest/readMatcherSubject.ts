/**
 * A fetch `Response` or `Request` as the matchers read it.
 *
 * Node's global classes, undici's and node-fetch's all fit: they are told apart by shape, not class.
 */
export interface FetchBodyLike {
  readonly headers: { get(name: string): string | null };
  readonly bodyUsed: boolean;
  text(): Promise<string>;
  clone?(): FetchBodyLike;
}

/** Where a matcher's subject came from: the JSON value itself, or the kind of HTTP object holding it. */
export type SubjectSource =
  'value' | 'fetch Response' | 'fetch Request' | 'axios response' | 'supertest response';

/** A subject's body: its JSON value, or why there is none. */
export type BodyReading =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'empty' }
  | { readonly kind: 'not-json'; readonly text: string; readonly reason: string }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** What a matcher was given, normalised: where it came from, its HTTP status if any, and its body. */
export interface MatcherSubject {
  readonly source: SubjectSource;
  /** The HTTP status of a response; `undefined` for a plain value or a request. */
  readonly status: number | undefined;
  /** The `Content-Type` header, when the subject has headers that carry one. */
  readonly contentType: string | undefined;
  readonly body: BodyReading;
}

type UnknownRecord = Readonly<Record<string, unknown>>;

/**
 * Normalises what was passed to `expect` into its source, HTTP status and JSON body.
 *
 * Recognises a fetch `Response` or `Request` (read asynchronously, from a clone so the caller can
 * still read it), an axios response (`{ status, headers, data }`), a supertest or superagent
 * response (`{ status, headers, body, text }`), and takes anything else for the JSON value itself.
 * Response shapes need an integer `status` and `headers`, so an entity (whose `status` is a string)
 * is never mistaken for one. Never throws and never rejects.
 */
export function readMatcherSubject(received: unknown): MatcherSubject | Promise<MatcherSubject> {
  if (!isRecord(received)) return plainValue(received);
  if (typeof received['then'] === 'function') {
    return unreadable(
      'value',
      'it is a Promise: await the response before passing it to expect, or use expect(promise).resolves',
    );
  }
  if (isFetchBody(received)) {
    const status = httpStatus(received['status']);
    if (status !== undefined) return readFetchBody('fetch Response', status, received);
    if (typeof received['method'] === 'string') {
      return readFetchBody('fetch Request', undefined, received);
    }
  }
  const status = httpStatus(received['status']);
  const headers = received['headers'];
  if (status === undefined || !isRecord(headers)) return plainValue(received);
  const contentType = headerValue(headers, 'content-type');
  if ('data' in received) {
    return {
      source: 'axios response',
      status,
      contentType,
      body: readBodyValue(received['data']),
    };
  }
  if ('text' in received || 'body' in received) {
    // superagent keeps the raw body in `text` and leaves `body` as `{}` for types it does not
    // parse (text/html, text/plain): the text decides, the parsed body is the fallback.
    const text = received['text'];
    return {
      source: 'supertest response',
      status,
      contentType,
      body: typeof text === 'string' ? parseBodyText(text) : readBodyValue(received['body']),
    };
  }
  return plainValue(received);
}

function plainValue(value: unknown): MatcherSubject {
  return {
    source: 'value',
    status: undefined,
    contentType: undefined,
    body: { kind: 'json', value },
  };
}

function unreadable(source: SubjectSource, reason: string): MatcherSubject {
  return {
    source,
    status: undefined,
    contentType: undefined,
    body: { kind: 'unreadable', reason },
  };
}

async function readFetchBody(
  source: SubjectSource,
  status: number | undefined,
  fetchBody: FetchBodyLike,
): Promise<MatcherSubject> {
  const contentType = headerValue(fetchBody.headers, 'content-type');
  if (fetchBody.bodyUsed) {
    return {
      source,
      status,
      contentType,
      body: {
        kind: 'unreadable',
        reason: `its body has already been read: pass the parsed JSON instead, or a ${source === 'fetch Request' ? 'request' : 'response'}.clone() taken before reading it`,
      },
    };
  }
  try {
    // Reading a clone leaves the body unread for the test's own use.
    const text = await (
      typeof fetchBody.clone === 'function' ? fetchBody.clone() : fetchBody
    ).text();
    return { source, status, contentType, body: parseBodyText(text) };
  } catch (error) {
    return {
      source,
      status,
      contentType,
      body: { kind: 'unreadable', reason: `its body could not be read: ${errorMessage(error)}` },
    };
  }
}

/** An axios `data` or a superagent `body` without `text`: JSON already parsed, or raw text or bytes. */
function readBodyValue(value: unknown): BodyReading {
  if (value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return parseBodyText(value);
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes =
      value instanceof ArrayBuffer
        ? new Uint8Array(value)
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return parseBodyText(new TextDecoder().decode(bytes));
  }
  if (isRecord(value) && typeof value['pipe'] === 'function') {
    return {
      kind: 'unreadable',
      reason: "its body is a stream: read it first, or ask for responseType 'json'",
    };
  }
  return { kind: 'json', value };
}

function parseBodyText(text: string): BodyReading {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'not-json', text, reason: errorMessage(error) };
  }
}

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null;
}

function isFetchBody(value: UnknownRecord): value is UnknownRecord & FetchBodyLike {
  const headers = value['headers'];
  return (
    typeof value['text'] === 'function' &&
    typeof value['bodyUsed'] === 'boolean' &&
    isRecord(headers) &&
    typeof headers['get'] === 'function'
  );
}

function httpStatus(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** A header of a fetch `Headers`, axios `AxiosHeaders` or a plain object, whatever its case. */
function headerValue(headers: object, name: string): string | undefined {
  try {
    const get = (headers as { get?: unknown }).get;
    if (typeof get === 'function') {
      const value: unknown = get.call(headers, name);
      if (typeof value === 'string') return value;
    }
    for (const [key, value] of Object.entries(headers)) {
      if (key.toLowerCase() === name) {
        if (typeof value === 'string') return value;
        if (Array.isArray(value)) return value.join(', ');
      }
    }
  } catch {
    // Headers are only shown in messages: an odd headers object must not break the assertion.
  }
  return undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
