/**
 * A number in [0, 1) that depends only on `seed` and `ordinal` (murmur3's finaliser over both
 * halves of the seed and the ordinal), the same on every machine and whatever the timing: a
 * seeded schedule replays exactly.
 */
export function unitInterval(seed: number, ordinal: number): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
  let hash = mix(low ^ 0x9e3779b9);
  hash = mix(hash ^ high);
  hash = mix(hash ^ Math.imul(ordinal >>> 0, 0x85ebca6b));
  return hash / 0x1_0000_0000;
}

function mix(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
