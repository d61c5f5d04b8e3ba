import type {
  CreateUserStatusRequest,
  DeviceComplianceUserStatus,
} from '../contracts/types.generated';
import type { InvalidCreateUserStatusRequest } from '../arbitraries/InvalidCreateUserStatusRequest';
import type { StatusFactory } from '../factories/StatusFactory';
import type { GenerateOptions } from './GenerateOptions';

// Invalid bodies are sampled this many at a time; fixed, since it decides which seed each one gets.
const INVALID_BATCH = 1_000;

/**
 * The documents `generate` writes, in order: `count` of them, derived from `seed` alone.
 * The generators load only when `generate` runs: faker and fast-check would add about 45 ms to
 * the start-up of every other verb.
 */
export async function generatedDocuments(options: GenerateOptions): Promise<Iterable<unknown>> {
  if (options.kind === 'invalid') return invalidDocuments(options);
  let factory: StatusFactory<DeviceComplianceUserStatus> | StatusFactory<CreateUserStatusRequest> =
    options.kind === 'entity'
      ? (await import('../factories/userStatusFactory')).userStatusFactory
      : (await import('../factories/createUserStatusRequestFactory'))
          .createUserStatusRequestFactory;
  factory = factory.seed(options.seed);
  for (const trait of options.traits) factory = factory.trait(trait);
  const seeded = factory;
  return (function* () {
    for (let i = 0; i < options.count; i++) yield seeded.build();
  })();
}

/**
 * The canonical invalid bodies, then fast-check's in fixed-size batches, each seeded from (seed,
 * batch number): document N is the same whatever --count is.
 */
async function invalidDocuments(options: GenerateOptions): Promise<Iterable<unknown>> {
  const [{ sample }, invalid] = await Promise.all([
    import('fast-check'),
    import('../arbitraries/invalidCreateUserStatusRequestArbitrary'),
  ]);
  const pick = (value: InvalidCreateUserStatusRequest): unknown =>
    options.labels ? value : value.body;
  const arbitrary = invalid.invalidCreateUserStatusRequestArbitrary();
  return (function* () {
    let emitted = 0;
    for (const example of invalid.invalidCreateUserStatusRequestExamples()) {
      if (emitted === options.count) return;
      emitted++;
      yield pick(example);
    }
    for (let batch = 0; emitted < options.count; batch++) {
      const seed = batchSeed(options.seed, batch);
      for (const value of sample(arbitrary, { seed, numRuns: INVALID_BATCH })) {
        if (emitted === options.count) return;
        emitted++;
        yield pick(value);
      }
    }
  })();
}

/** A 32-bit fast-check seed from a safe-integer seed and a batch number (a murmur3-style mix). */
function batchSeed(seed: number, batch: number): number {
  let hash = (seed % 4294967296) ^ Math.floor(seed / 4294967296) ^ Math.imul(batch + 1, 0x9e3779b9);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) | 0;
}
