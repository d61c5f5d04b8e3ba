import type { ProviderRequest } from './ProviderRequest';

/** How reading a request body ended. */
export type RequestBody =
  | { readonly kind: 'complete'; readonly bytes: Buffer }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'aborted' };

/**
 * Reads a request body, buffering at most `maxBytes`, and calls `done` once. A body declared or
 * found larger ends as `tooLarge` at once; the rest is then read and discarded (never buffered),
 * so the connection can carry the answer and be reused. A callback rather than a promise: this
 * runs on every create, and the extra microtask showed in profiles.
 */
export function readRequestBody(
  req: ProviderRequest,
  maxBytes: number,
  done: (body: RequestBody) => void,
): void {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    done({ kind: 'tooLarge' });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  // Listeners stay attached after settling (removing them costs more than ignoring them): a body
  // found too large keeps flowing into `onData`, which drops it, so it is never buffered.
  const settle = (body: RequestBody): void => {
    if (settled) return;
    settled = true;
    done(body);
  };
  req.on('data', (chunk: Buffer) => {
    if (settled) return;
    size += chunk.length;
    if (size > maxBytes) {
      chunks.length = 0;
      settle({ kind: 'tooLarge' });
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () =>
    settle({
      kind: 'complete',
      bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size),
    }),
  );
  // An aborted request emits 'error' (ECONNRESET) because a listener is attached.
  req.on('error', () => settle({ kind: 'aborted' }));
}
