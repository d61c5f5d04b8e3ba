import fc from 'fast-check';
import {
  DATE_TIME_OFFSET_EDGE_CASES,
  dateTimeOffsetArbitrary,
} from '../../src/arbitraries/dateTimeOffsetArbitrary';
import { isDateTimeOffset } from '../../src/validator/isDateTimeOffset';
import { BATTERY_RUNS, assertProperty } from '../helpers/generatorAssertions';

describe('dateTimeOffsetArbitrary', () => {
  it('produces only date-times the contract accepts', () => {
    assertProperty(
      dateTimeOffsetArbitrary(),
      (value) => expect(isDateTimeOffset(value)).toBe(true),
      DATE_TIME_OFFSET_EDGE_CASES,
      BATTERY_RUNS * 5,
    );
  });

  it('reaches leap days, month ends and every fraction length from 0 to 12', () => {
    const values = fc.sample(dateTimeOffsetArbitrary(), { seed: 1, numRuns: 5_000 });
    expect(values.some((value) => value.slice(5, 10) === '02-29')).toBe(true);
    expect(values.some((value) => /-(04|06|09|11)-30T/.test(value))).toBe(true);
    const lengths = new Set(values.map((value) => /\.(\d+)/.exec(value)?.[1]?.length ?? 0));
    expect([...lengths].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('lists edge cases that are all valid', () => {
    expect(DATE_TIME_OFFSET_EDGE_CASES.every(isDateTimeOffset)).toBe(true);
  });
});
