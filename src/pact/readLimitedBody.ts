import type { Readable } from 'node:stream';

/** What `readLimitedBody` read: at most the limit, and whether the body went on beyond it. */
export interface LimitedBody {
  /** The body's first bytes, up to the limit. */
  readonly bytes: Buffer;
  /** Whether the body was longer than the limit (the rest was not read). */
  readonly truncated: boolean;
}

/**
 * Reads a body up to `maxBytes` and stops there, destroying the stream, so that an answer that is
 * huge or never ends costs at most that much memory.
 */
export async function readLimitedBody(body: Readable, maxBytes: number): Promise<LimitedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    if (size + buffer.length > maxBytes) {
      chunks.push(buffer.subarray(0, maxBytes - size));
      body.destroy();
      return { bytes: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  return { bytes: Buffer.concat(chunks), truncated: false };
}
