import type { Randomizer } from '@faker-js/faker';

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const WARM_UP_ROUNDS = 15;

/**
 * A faker `Randomizer` backed by SFC32 (a small, fast generator with 128 bits of state) that can be
 * re-seeded per object for almost nothing. Faker's default Mersenne Twister costs about 37 us per
 * re-seed, more than building the whole object.
 *
 * Only 32-bit integer arithmetic is used, so the sequence is the same on every machine.
 */
export class Sfc32Randomizer implements Randomizer {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 1;

  /** A float in [0, 1) with 53 random bits, like faker's default randomizer. */
  next(): number {
    const high = this.step() >>> 5;
    const low = this.step() >>> 6;
    return (high * 67108864 + low) / TWO_POW_53;
  }

  /** Seeds from a number (any safe integer) or up to four 32-bit words. */
  seed(seed: number | number[]): void {
    if (typeof seed === 'number') {
      this.seedWith(seed, 0);
      return;
    }
    this.setState(seed[0] ?? 0, seed[1] ?? 0, seed[2] ?? 0, seed[3] ?? 1);
  }

  /**
   * Seeds from a (seed, stream) pair of safe integers: distinct pairs give distinct states, so every
   * object of a seeded factory gets its own independent stream.
   */
  seedWith(seed: number, stream: number): void {
    this.setState(low32(seed), high32(seed), low32(stream), high32(stream) ^ 0x9e3779b9);
  }

  private setState(a: number, b: number, c: number, d: number): void {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    for (let round = 0; round < WARM_UP_ROUNDS; round++) this.step();
  }

  private step(): number {
    const { a, b, c, d } = this;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }
}

function low32(value: number): number {
  return (value % TWO_POW_32) | 0;
}

function high32(value: number): number {
  return Math.floor(value / TWO_POW_32) | 0;
}
