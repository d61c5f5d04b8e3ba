import { request, type Dispatcher } from 'undici';
import type { FuzzRequest, FuzzResponse } from './FuzzExchange';

/** Options of `sendRequest`. */
export interface SendRequestOptions {
  /** The target's base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** Abort the exchange after this long. @defaultValue 10000 */
  readonly timeoutMs?: number;
  /** The undici dispatcher (connection pool) to send through. @defaultValue undici's global one */
  readonly dispatcher?: Dispatcher;
  /** Read at most this many bytes of a response body. @defaultValue 8388608 */
  readonly maxBodyBytes?: number;
}

/**
 * Sends one request with undici (about 5x the throughput of Node's global `fetch` on loopback) and
 * never throws: timeouts and dropped connections come back as a `failure`.
 */
export async function sendRequest(
  fuzzRequest: FuzzRequest,
  options: SendRequestOptions,
): Promise<FuzzResponse> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? 8_388_608;
  const started = performance.now();
  const elapsed = (): number => performance.now() - started;
  try {
    const response = await request(`${options.baseUrl}${fuzzRequest.path}`, {
      method: fuzzRequest.method as Dispatcher.HttpMethod,
      headers: fuzzRequest.headers,
      ...(fuzzRequest.body === undefined ? {} : { body: fuzzRequest.body }),
      ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    for await (const chunk of response.body) {
      const buffer = chunk as Buffer;
      if (size + buffer.length > maxBodyBytes) {
        chunks.push(buffer.subarray(0, maxBodyBytes - size));
        truncated = true;
        response.body.destroy();
        break;
      }
      chunks.push(buffer);
      size += buffer.length;
    }
    return {
      kind: 'response',
      status: response.statusCode,
      headers: flattenHeaders(response.headers),
      body: Buffer.concat(chunks).toString('utf8'),
      truncated,
      durationMs: elapsed(),
    };
  } catch (error) {
    return { kind: 'failure', ...classify(error, timeoutMs), durationMs: elapsed() };
  }
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function classify(
  error: unknown,
  timeoutMs: number,
): { reason: 'timeout' | 'connection-refused' | 'connection-dropped' | 'other'; message: string } {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  const name = (error as { name?: string } | undefined)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return { reason: 'timeout', message: `no complete response within ${timeoutMs} ms` };
  }
  if (code === 'ECONNREFUSED')
    return { reason: 'connection-refused', message: 'connection refused' };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return { reason: 'connection-dropped', message: `the server dropped the connection (${code})` };
  }
  return { reason: 'other', message: code ? `${code}: ${message}` : message };
}
