import fc from 'fast-check';
import {
  MALFORMED_DATE_TIME_EDGE_CASES,
  type MalformedDateTime,
  malformedDateTimeArbitrary,
} from '../../../src/arbitraries/_internals/malformedDateTimeArbitrary';
import { isDateTimeOffset } from '../../../src/validator/isDateTimeOffset';
import { BATTERY_RUNS, assertProperty } from '../../helpers/generatorAssertions';

describe('malformedDateTimeArbitrary', () => {
  it('produces only strings the contract refuses as a DateTimeOffset', () => {
    assertProperty(
      malformedDateTimeArbitrary(),
      ({ value }) => expect(isDateTimeOffset(value)).toBe(false),
      MALFORMED_DATE_TIME_EDGE_CASES,
      BATTERY_RUNS * 3,
    );
  });

  it('stays broken when a failure is shrunk', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const details = fc.check(
        fc.property(malformedDateTimeArbitrary(), (_broken: MalformedDateTime) => false),
        { seed },
      );
      const shrunk: MalformedDateTime | undefined = details.counterexample?.[0];
      expect(shrunk).toBeDefined();
      expect(isDateTimeOffset(shrunk?.value ?? '2020-01-01T00:00:00Z')).toBe(false);
    }
  });

  it('says what is wrong with each value', () => {
    for (const { problem } of fc.sample(malformedDateTimeArbitrary(), { seed: 1, numRuns: 300 })) {
      expect(problem).toMatch(/^(has|is|uses|separates)\b/);
    }
  });
});
