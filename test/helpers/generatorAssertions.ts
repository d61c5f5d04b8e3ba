import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { asPropertyExamples } from '../../src/arbitraries/asPropertyExamples';
import type { InvalidCreateUserStatusRequest } from '../../src/arbitraries/InvalidCreateUserStatusRequest';
import type { ContractName, RequestProfile } from '../../src/contracts/registry';
import { listIssues } from '../../src/validator/listIssues';

/**
 * The shared assertion battery every factory and arbitrary goes through (modelled on fast-check's
 * `ArbitraryAssertions`): the same seed gives the same values, different seeds differ, every valid
 * value passes the validator, every invalid value fails exactly as labelled, and values survive a
 * JSON round trip. Each assertion throws on failure, so its own tests can feed it broken generators.
 */

/** Property runs per arbitrary: enough to reach the rare edge cases, still well under a second. */
export const BATTERY_RUNS = 1_000;

/** A generator under test, reduced to what the battery needs: values from a seed. */
export interface GeneratorSubject<T> {
  /** How test names refer to it. */
  readonly name: string;
  /** `count` values derived from `seed`, the same on every call with the same arguments. */
  readonly generate: (seed: number, count: number) => readonly T[];
}

/** A generator of valid values, and the contract they must satisfy. */
export interface ValidGeneratorSubject<T> extends GeneratorSubject<T> {
  /** The contract every value must satisfy. */
  readonly contract: ContractName;
  /** @defaultValue `'documented'` */
  readonly profile?: RequestProfile;
  /** The arbitrary, for property runs that shrink a failure (factories leave it out). */
  readonly arbitrary?: fc.Arbitrary<T>;
  /** Canonical edge cases, tried before random values. @defaultValue `[]` */
  readonly examples?: readonly T[];
}

/** The subject of an arbitrary: values are `fc.sample` with that seed. */
export function arbitrarySubject<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
): GeneratorSubject<T> & { readonly arbitrary: fc.Arbitrary<T> } {
  return {
    name,
    arbitrary,
    generate: (seed, count) => fc.sample(arbitrary, { seed, numRuns: count }),
  };
}

/** Throws unless two generations with the same seed are deeply equal, for several seeds. */
export function assertSameSeedSameValues<T>(
  subject: GeneratorSubject<T>,
  seeds: readonly number[] = [1, 7, 42, -3],
  count = 50,
): void {
  for (const seed of seeds) {
    const first = subject.generate(seed, count);
    const second = subject.generate(seed, count);
    if (!isDeepStrictEqual(first, second)) {
      const index = first.findIndex((value, i) => !isDeepStrictEqual(value, second[i]));
      throw new Error(
        `${subject.name} is not reproducible: seed ${seed} gave different values at index ${index}:\n` +
          `${preview(first[index])}\n${preview(second[index])}`,
      );
    }
  }
}

/** Throws if two different seeds give the same values (a generator that ignores its seed). */
export function assertSeedsDiffer<T>(subject: GeneratorSubject<T>, count = 20): void {
  const a = subject.generate(1, count);
  const b = subject.generate(2, count);
  if (isDeepStrictEqual(a, b)) {
    throw new Error(
      `${subject.name} ignores its seed: seeds 1 and 2 gave the same ${count} values`,
    );
  }
}

/** Throws at the first value the contract rejects, naming its index and every issue. */
export function assertAllValid(
  values: readonly unknown[],
  contract: ContractName,
  profile: RequestProfile = 'documented',
  context = '',
): void {
  values.forEach((value, index) => {
    const issues = listIssues(contract, value, { profile });
    if (issues.length > 0) {
      throw new Error(
        `value ${index}${context} breaks the ${contract} contract:\n${preview(value)}\n` +
          issues
            .map((issue) => `  ${issue.path || '(root)'} ${issue.rule}: ${issue.message}`)
            .join('\n'),
      );
    }
  });
}

/**
 * Throws unless the body fails exactly as labelled: `listIssues('request', body)` reports at least
 * one issue, every issue is at `violation.path`, and one of them has rule `violation.rule`.
 */
export function assertFailsAsLabelled(invalid: InvalidCreateUserStatusRequest): void {
  const { body, violation } = invalid;
  const issues = listIssues('request', body);
  const found = issues.map((issue) => `${issue.path || '(root)'} ${issue.rule}`).join(', ');
  const expected = `${violation.path || '(root)'} ${violation.rule}`;
  if (
    issues.length === 0 ||
    issues.some((issue) => issue.path !== violation.path) ||
    !issues.some((issue) => issue.rule === violation.rule)
  ) {
    throw new Error(
      `body labelled "${violation.mutation}: ${expected}" (${violation.description}) ` +
        `fails with [${found || 'nothing: it is valid'}]:\n${preview(body)}`,
    );
  }
}

/** Throws unless `JSON.parse(JSON.stringify(value))` is deeply and strictly equal to `value`. */
export function assertJsonRoundTrip(value: unknown): void {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`${preview(value)} has no JSON form`);
  const back = JSON.parse(text) as unknown;
  if (!isDeepStrictEqual(back, value)) {
    throw new Error(
      `${preview(value)} does not survive a JSON round trip; it comes back as ${preview(back)}`,
    );
  }
}

/**
 * Runs a property over an arbitrary with its examples first: the failure message carries
 * fast-check's seed, path and shrunk counterexample.
 */
export function assertProperty<T>(
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => void,
  examples: readonly T[] = [],
  numRuns = BATTERY_RUNS,
): void {
  fc.assert(fc.property(arbitrary, predicate), {
    numRuns,
    examples: asPropertyExamples(examples),
  });
}

/**
 * Throws unless the fully shrunk counterexample of a property that fails on `fails` is still
 * invalid exactly as labelled: shrinking must never turn an invalid body valid or change its
 * reason.
 */
export function assertShrinkingKeepsLabel(
  arbitrary: fc.Arbitrary<InvalidCreateUserStatusRequest>,
  fails: (invalid: InvalidCreateUserStatusRequest) => boolean = () => true,
  seed = 1,
): InvalidCreateUserStatusRequest {
  const details = fc.check(
    fc.property(arbitrary, (invalid) => !fails(invalid)),
    { seed, numRuns: 200 },
  );
  const [counterexample] = details.counterexample ?? [];
  if (!details.failed || counterexample === undefined) {
    throw new Error('the property never failed, so nothing was shrunk');
  }
  assertFailsAsLabelled(counterexample);
  return counterexample;
}

/**
 * Registers the battery for a generator of valid values: reproducible, seed-sensitive, every value
 * valid (`BATTERY_RUNS` property runs for an arbitrary, 2,000 objects over 50 seeds for a factory),
 * examples valid, JSON round trip.
 */
export function describeValidGeneratorBattery<T>(subject: ValidGeneratorSubject<T>): void {
  const profile = subject.profile ?? 'documented';
  const check = (value: T): void => {
    assertAllValid([value], subject.contract, profile);
    assertJsonRoundTrip(value);
  };
  describe(`${subject.name} (shared generator battery)`, () => {
    it('gives the same values for the same seed', () => {
      assertSameSeedSameValues(subject);
    });

    it('gives different values for different seeds', () => {
      assertSeedsDiffer(subject);
    });

    it(`produces only values the ${subject.contract} contract accepts, surviving a JSON round trip`, () => {
      if (subject.arbitrary !== undefined) {
        assertProperty(subject.arbitrary, check, subject.examples);
        return;
      }
      for (let seed = 1; seed <= 50; seed++) {
        const values = subject.generate(seed, 40);
        assertAllValid(values, subject.contract, profile, ` of seed ${seed}`);
        values.forEach(assertJsonRoundTrip);
      }
    });

    if (subject.examples !== undefined) {
      const examples = subject.examples;
      it('lists canonical examples the contract accepts', () => {
        expect(examples.length).toBeGreaterThan(0);
        assertAllValid(examples, subject.contract, profile, ' of the examples');
        examples.forEach(assertJsonRoundTrip);
      });
    }
  });
}

/**
 * Registers the battery for the invalid-body arbitrary: reproducible, seed-sensitive, every value
 * (examples first) fails exactly as labelled and survives a JSON round trip.
 */
export function describeInvalidGeneratorBattery(
  name: string,
  arbitrary: fc.Arbitrary<InvalidCreateUserStatusRequest>,
  examples: readonly InvalidCreateUserStatusRequest[],
): void {
  const subject = arbitrarySubject(name, arbitrary);
  describe(`${name} (shared generator battery)`, () => {
    it('gives the same values for the same seed', () => {
      assertSameSeedSameValues(subject);
    });

    it('gives different values for different seeds', () => {
      assertSeedsDiffer(subject);
    });

    it('produces only bodies that fail exactly on their labelled path and rule', () => {
      assertProperty(
        arbitrary,
        (invalid) => {
          assertFailsAsLabelled(invalid);
          assertJsonRoundTrip(invalid.body);
        },
        examples,
      );
    });

    it('lists canonical examples that fail as labelled', () => {
      expect(examples.length).toBeGreaterThan(0);
      examples.forEach(assertFailsAsLabelled);
    });
  });
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}... (${text.length} characters)` : text;
}
