import fc from 'fast-check';
import { contractSchema } from '../../src/contracts/registry';
import { isDateTimeOffset } from '../../src/validator/isDateTimeOffset';

// The contract states DateTimeOffset twice: a `pattern` (Graph's published one, tightened) and the
// `date-time` format, which the validator checks with `isDateTimeOffset`. The validator compiles the
// format only, which is sound exactly when the format accepts what pattern + calendar accept.

const entitySchema = contractSchema('entity') as unknown as {
  $defs: { dateTimeOffset: { pattern: string } };
};
const { pattern } = entitySchema.$defs.dateTimeOffset;
// Ajv compiles schema patterns with the `u` flag.
const contractPattern = new RegExp(pattern, 'u');

/** Whether year-month-day names a day of the proleptic Gregorian calendar, by `Date` arithmetic. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The oracle: the contract's pattern, a real calendar day and a year of at least 0001. */
function acceptedByContract(value: string): boolean {
  if (!contractPattern.test(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= 1 && isCalendarDay(year, Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

const digits = (min: number, max: number, width: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((n) => String(n).padStart(width, '0'));

/** Date-time-like strings built from components, mostly in range, sometimes just out of it. */
const dateTimeLike: fc.Arbitrary<string> = fc
  .record({
    year: fc.oneof(
      { weight: 8, arbitrary: digits(0, 9999, 4) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('0000', '0001', '9999', '+010000', '-0001', '20', '12345'),
      },
    ),
    month: fc.oneof({ weight: 8, arbitrary: digits(1, 12, 2) }, digits(0, 19, 2), fc.constant('1')),
    day: fc.oneof(
      { weight: 6, arbitrary: digits(1, 28, 2) },
      { weight: 4, arbitrary: digits(29, 31, 2) },
      digits(0, 39, 2),
    ),
    separator: fc.oneof({ weight: 12, arbitrary: fc.constant('T') }, fc.constantFrom('t', ' ', '')),
    hour: fc.oneof({ weight: 8, arbitrary: digits(0, 23, 2) }, digits(0, 29, 2)),
    minute: fc.oneof({ weight: 8, arbitrary: digits(0, 59, 2) }, digits(0, 69, 2)),
    second: fc.oneof({ weight: 8, arbitrary: digits(0, 59, 2) }, digits(0, 69, 2)),
    fraction: fc.oneof(
      fc.constant(''),
      fc.integer({ min: 1, max: 12 }).map((n) => `.${'1234567890123'.slice(0, n)}`),
      fc.constantFrom('.', '.1234567890123', ',5'),
      fc.stringMatching(/^\.[0-9]{1,14}$/),
    ),
    zone: fc.oneof(
      { weight: 4, arbitrary: fc.constant('Z') },
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom('+', '-'), digits(0, 29, 2), digits(0, 69, 2))
          .map(([sign, h, m]) => `${sign}${h}:${m}`),
      },
      fc.constantFrom('z', '', '+0800', '+08', 'UTC', 'Z ', '+08:00:00'),
    ),
  })
  .map(
    (p) =>
      `${p.year}-${p.month}-${p.day}${p.separator}${p.hour}:${p.minute}:${p.second}${p.fraction}${p.zone}`,
  );

/** Mostly date-like strings, and some arbitrary text with the date's characters. */
const candidates: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: dateTimeLike },
  fc.string({ unit: fc.constantFrom(...'0123456789-T:.Z+'.split('')), maxLength: 40 }),
);

describe('isDateTimeOffset', () => {
  it('agrees with the contract pattern plus calendar validity on date-like strings', () => {
    fc.assert(
      fc.property(candidates, (value) => {
        expect({ value, accepted: isDateTimeOffset(value) }).toEqual({
          value,
          accepted: acceptedByContract(value),
        });
      }),
      { numRuns: 20_000 },
    );
  });

  it('never accepts what the contract pattern refuses, so the pattern can be left to it', () => {
    fc.assert(
      fc.property(candidates, (value) => !isDateTimeOffset(value) || contractPattern.test(value)),
      { numRuns: 20_000 },
    );
  });

  it('is tested on both accepted and refused strings in fair numbers', () => {
    const sample = fc.sample(candidates, { numRuns: 5_000, seed: 42 });
    const accepted = sample.filter(isDateTimeOffset).length;
    expect(accepted).toBeGreaterThan(sample.length * 0.2);
    expect(sample.length - accepted).toBeGreaterThan(sample.length * 0.2);
  });

  it.each([
    ['0001-01-01T00:00:00Z', true],
    ['9999-12-31T23:59:59.9999999Z', true],
    ['2024-02-29T00:00:00+14:00', true],
    ['1900-02-29T00:00:00Z', false],
    ['2000-02-29T00:00:00Z', true],
    ['2023-02-29T00:00:00Z', false],
    ['2023-04-31T00:00:00Z', false],
    ['2016-12-31T23:59:60Z', false],
    ['2020-06-14T20:52:52.1234567890123Z', false],
    ['2020-06-14T20:52:52.123456789012Z', true],
  ])('judges %s as %s', (value, expected) => {
    expect(isDateTimeOffset(value)).toBe(expected);
  });
});
