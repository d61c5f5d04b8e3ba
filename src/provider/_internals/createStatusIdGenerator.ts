import { Sfc32Randomizer } from '../../factories/Sfc32Randomizer';

const TWO_POW_32 = 4294967296;
// Distinct from the streams the factories derive objects from, so ids do not mirror fields.
const ID_STREAM = 0x1d5;
// Odd, so multiplying by it modulo 2^32 is a bijection: distinct sequence numbers stay distinct.
const SCRAMBLE = 0x9e3779b1;

/**
 * A generator of user status ids as Graph assigns them (three GUIDs joined by `_`), reproducible
 * from a seed. The last eight hex digits are a bijection of a sequence number, so the first 2^32
 * ids of one generator never collide, while every id still looks random.
 * @example
 * const nextId = createStatusIdGenerator(42);
 * nextId(); // '3f2b…-…_…_…'
 */
export function createStatusIdGenerator(seed: number): () => string {
  const random = new Sfc32Randomizer();
  random.seedWith(seed, ID_STREAM);
  const word = (): number => Math.floor(random.next() * TWO_POW_32);
  const mask = word();
  // Written digit by digit into one buffer and decoded once: building the id from dozens of small
  // strings cost about 10x more, most of it garbage, and ids are made on every create.
  const text = Buffer.alloc(ID_LENGTH);
  text.fill(0x2d /* - */);
  text[GUID_LENGTH] = 0x5f; /* _ */
  text[2 * GUID_LENGTH + 1] = 0x5f;
  let sequence = 0;
  return () => {
    sequence = (sequence + 1) >>> 0;
    const unique = (Math.imul(sequence, SCRAMBLE) ^ mask) >>> 0;
    writeGuid(text, 0, word(), word(), word(), word());
    writeGuid(text, GUID_LENGTH + 1, word(), word(), word(), word());
    writeGuid(text, 2 * (GUID_LENGTH + 1), word(), word(), word(), unique);
    return text.toString('latin1', 0, ID_LENGTH);
  };
}

const GUID_LENGTH = 36;
const ID_LENGTH = 3 * GUID_LENGTH + 2;
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/**
 * Writes a lowercase version-4 GUID (`xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx`, V one of 8, 9, a, b)
 * made from four 32-bit words at `at`; the dashes are already in place.
 */
function writeGuid(text: Buffer, at: number, a: number, b: number, c: number, d: number): void {
  writeHex(text, at, a, 8);
  writeHex(text, at + 9, b >>> 16, 4);
  text[at + 14] = 0x34; /* 4 */
  writeHex(text, at + 15, b & 0xfff, 3);
  writeHex(text, at + 19, 8 | (c >>> 30), 1);
  writeHex(text, at + 20, (c >>> 16) & 0xfff, 3);
  writeHex(text, at + 24, c & 0xffff, 4);
  writeHex(text, at + 28, d, 8);
}

function writeHex(text: Buffer, at: number, value: number, digits: number): void {
  let rest = value;
  for (let i = digits - 1; i >= 0; i--) {
    text[at + i] = HEX_DIGITS[rest & 15] as number;
    rest >>>= 4;
  }
}
