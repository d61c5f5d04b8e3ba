import { createHash } from 'node:crypto';

/** Feeds body bytes in, and says the digest once they are all in. */
export interface BodyDigest {
  /** Adds bytes (ignored past `maxBytes`: a body that large is refused anyway). */
  update(chunk: Uint8Array): void;
  /** The first 16 hex digits of the SHA-256 of the bytes added (`undefined` when there were none). */
  digest(): string | undefined;
}

/** A running digest of a request body, as `RecordedRequest.bodyDigest` holds it. */
export function createBodyDigest(maxBytes: number): BodyDigest {
  const hash = createHash('sha256');
  let size = 0;
  return {
    update(chunk) {
      if (size > maxBytes) return;
      size += chunk.byteLength;
      hash.update(chunk);
    },
    digest: () => (size === 0 ? undefined : hash.digest('hex').slice(0, 16)),
  };
}
