import { STATUS_CODES } from 'node:http';
import { createBodyDigest } from '../faults/createBodyDigest';
import { faultAnswer } from './_internals/faultAnswer';
import type { FaultInjector, RecordEntry } from './FaultInjector';
import type { RequestLogLine } from './RequestLogLine';

/** A fetch handler: `Request` in, `Response` out. */
export type FetchHandle = (request: Request) => Promise<Response>;

/** The error a reset rejects with, as `fetch` rejects on a connection reset (`TypeError: fetch failed`). */
export function connectionResetError(kind: 'reset-before-store' | 'reset-after-store'): TypeError {
  const cause = Object.assign(
    new Error(`the connection was reset before an answer (injected fault: ${kind})`),
    { code: 'ECONNRESET' },
  );
  return Object.assign(new TypeError('fetch failed', { cause }), { faultKind: kind });
}

/** Whether an error is the rejection of an injected reset (`connectionResetError`). */
export function isConnectionResetError(error: unknown): boolean {
  return error instanceof TypeError && 'faultKind' in error;
}

/**
 * Wraps a fetch handler with a fault schedule: a 429, 503 or 504 is answered here with Graph's
 * envelope; a reset rejects as `fetch` does on a reset connection, before the request is applied
 * (`reset-before-store`) or after (`reset-after-store`, the answer dropped); latency waits
 * `injector.sleep` first. With recording on, every request is recorded.
 */
export function createFaultyFetchHandle(
  handle: FetchHandle,
  injector: FaultInjector,
  maxBodyBytes: number,
  onRequest: ((line: RequestLogLine) => void) | undefined,
): FetchHandle {
  return async (request) => {
    const url = new URL(request.url);
    const method = request.method;
    const path = url.pathname + url.search;
    const header = (name: string): string | undefined => request.headers.get(name) ?? undefined;
    const { fault, entry } = injector.begin(method, path, header);
    if (entry !== undefined && request.body !== null) {
      await digestBody(request, entry, maxBodyBytes);
    }
    const started = performance.now();
    const log = (status: number, requestId: string): void =>
      onRequest?.({ method, path, status, durationMs: performance.now() - started, requestId });
    if (fault === undefined) return answered(await handle(request), entry, injector);
    switch (fault.kind) {
      case 'latency':
        await injector.sleep(fault.ms);
        return answered(await handle(request), entry, injector);
      case 'reset-after-store': {
        const response = await handle(request);
        await response.body?.cancel();
        injector.finish(entry, response.status, (name) => response.headers.get(name), false);
        throw connectionResetError(fault.kind);
      }
      case 'reset-before-store':
        await request.body?.cancel();
        injector.finish(entry, 0, () => undefined, false);
        log(0, '');
        throw connectionResetError(fault.kind);
      default: {
        await request.body?.cancel();
        const { status, head, body } = faultAnswer(fault, header('client-request-id'));
        const headers = new Headers();
        for (let at = 0; at + 1 < head.length; at += 2) {
          headers.append(head[at] as string, head[at + 1] as string);
        }
        const response = new Response(method === 'HEAD' ? null : body, {
          status,
          statusText: STATUS_CODES[status] ?? '',
          headers,
        });
        injector.finish(entry, status, (name) => headers.get(name), true);
        log(status, headers.get('request-id') ?? '');
        return response;
      }
    }
  };
}

function answered(
  response: Response,
  entry: RecordEntry | undefined,
  injector: FaultInjector,
): Response {
  injector.finish(entry, response.status, (name) => response.headers.get(name), true);
  return response;
}

async function digestBody(
  request: Request,
  entry: RecordEntry,
  maxBodyBytes: number,
): Promise<void> {
  const digest = createBodyDigest(maxBodyBytes);
  // A copy of the body, read only as far as the digest goes: past the limit the handler refuses
  // the body, and a hostile one is not buffered whole twice.
  const reader = request.clone().body?.getReader();
  let arrived = true;
  try {
    for (let read = 0; reader !== undefined && read <= maxBodyBytes;) {
      const { done, value } = await reader.read();
      if (done) break;
      digest.update(value);
      read += value.byteLength;
    }
  } catch {
    // A body that fails to arrive is the handler's to answer (it rejects); no digest then.
    arrived = false;
  }
  // Not awaited: a branch of a teed body settles its cancel only once the other branch is done.
  reader?.cancel().catch(() => undefined);
  entry.bodyDigest = arrived ? digest.digest() : undefined;
}
