import type { Faker, LocaleDefinition, Randomizer } from '@faker-js/faker';
// The `en` locale entry loads in about 0.025 s; the package root (every locale) in about 0.15 s.
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import { Sfc32Randomizer } from './Sfc32Randomizer';

type FakerConstructor = new (options: {
  locale: LocaleDefinition;
  randomizer: Randomizer;
}) => Faker;

/**
 * A private English faker instance whose randomizer is re-seeded before each object, so object N of
 * seed S is the same whatever was generated before it, and whoever else uses faker.
 */
export class SeededFaker {
  /** The faker instance; its output is fixed by the last `reseed`. */
  readonly faker: Faker;
  private readonly randomizer = new Sfc32Randomizer();

  constructor() {
    // The locale entry exports only an instance; its constructor is faker's `Faker` class, which
    // lets us build a separate instance without loading the package root.
    const FakerClass = englishFaker.constructor as FakerConstructor;
    this.faker = new FakerClass({
      locale: englishFaker.rawDefinitions,
      randomizer: this.randomizer,
    });
  }

  /** Re-seeds from a (seed, stream) pair of safe integers. */
  reseed(seed: number, stream: number): Faker {
    this.randomizer.seedWith(seed, stream);
    return this.faker;
  }
}
