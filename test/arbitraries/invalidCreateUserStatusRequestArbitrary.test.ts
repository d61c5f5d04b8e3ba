import fc from 'fast-check';
import {
  REQUEST_MUTATIONS,
  invalidCreateUserStatusRequestArbitrary,
  invalidCreateUserStatusRequestExamples,
} from '../../src/arbitraries/invalidCreateUserStatusRequestArbitrary';
import {
  assertShrinkingKeepsLabel,
  describeInvalidGeneratorBattery,
} from '../helpers/generatorAssertions';

describeInvalidGeneratorBattery(
  'invalidCreateUserStatusRequestArbitrary()',
  invalidCreateUserStatusRequestArbitrary(),
  invalidCreateUserStatusRequestExamples(),
);

describe('invalidCreateUserStatusRequestArbitrary', () => {
  it('produces every mutation class', () => {
    const values = fc.sample(invalidCreateUserStatusRequestArbitrary(), {
      seed: 1,
      numRuns: 1_000,
    });
    expect(new Set(values.map(({ violation }) => violation.mutation))).toEqual(
      new Set(REQUEST_MUTATIONS),
    );
  });

  it('lists at least one example per mutation class', () => {
    const examples = invalidCreateUserStatusRequestExamples();
    expect(new Set(examples.map(({ violation }) => violation.mutation))).toEqual(
      new Set(REQUEST_MUTATIONS),
    );
  });

  it('keeps to the mutation classes it is asked for', () => {
    const only = ['int32Overflow', 'malformedDate'] as const;
    const values = fc.sample(invalidCreateUserStatusRequestArbitrary({ mutations: only }), {
      seed: 2,
      numRuns: 300,
    });
    expect(new Set(values.map(({ violation }) => violation.mutation))).toEqual(new Set(only));
    expect(
      invalidCreateUserStatusRequestExamples({ mutations: only }).every(({ violation }) =>
        (only as readonly string[]).includes(violation.mutation),
      ),
    ).toBe(true);
  });

  it('refuses an empty list of mutation classes', () => {
    expect(() => invalidCreateUserStatusRequestArbitrary({ mutations: [] })).toThrow(RangeError);
  });

  it('describes each violation in words', () => {
    for (const { violation } of fc.sample(invalidCreateUserStatusRequestArbitrary(), 200)) {
      expect(violation.description.length).toBeGreaterThan(10);
    }
  });

  describe('shrinking', () => {
    // A shrunk counterexample that became valid, or broke for another reason, would send a
    // developer after the wrong bug: every class must shrink within itself.
    it.each(REQUEST_MUTATIONS)('keeps a %s case invalid for its labelled reason', (mutation) => {
      for (const seed of [1, 2, 3]) {
        const shrunk = assertShrinkingKeepsLabel(
          invalidCreateUserStatusRequestArbitrary({ mutations: [mutation] }),
          () => true,
          seed,
        );
        expect(shrunk.violation.mutation).toBe(mutation);
      }
    });

    it('keeps the label when a property fails for one class among all of them', () => {
      for (const mutation of REQUEST_MUTATIONS) {
        const shrunk = assertShrinkingKeepsLabel(
          invalidCreateUserStatusRequestArbitrary(),
          ({ violation }) => violation.mutation === mutation,
        );
        expect(shrunk.violation.mutation).toBe(mutation);
      }
    });

    it('shrinks an Int32 overflow to the first value past the limit', () => {
      const shrunk = assertShrinkingKeepsLabel(
        invalidCreateUserStatusRequestArbitrary({ mutations: ['int32Overflow'] }),
        ({ violation }) => violation.rule === 'maximum',
      );
      expect((shrunk.body as { devicesCount: number }).devicesCount).toBe(2147483648);
    });
  });
});
