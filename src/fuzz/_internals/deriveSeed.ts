/** A 31-bit seed derived from a base seed and labels (FNV-1a), stable on every machine. */
export function deriveSeed(seed: number, ...labels: ReadonlyArray<string | number>): number {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (const char of labels.join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & 0x7fffffff;
}
