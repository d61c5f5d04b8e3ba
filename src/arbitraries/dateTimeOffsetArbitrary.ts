import fc from 'fast-check';
import {
  daysInMonth,
  GRAPH_FRACTION_DIGITS,
  MAX_FRACTION_DIGITS,
} from '../contracts/dateTimeOffset';

/** Date-times at the edges of what the contract accepts, tried before random ones. */
export const DATE_TIME_OFFSET_EDGE_CASES: readonly string[] = Object.freeze([
  '2020-06-14T20:52:52.8841394Z',
  '2016-12-31T23:59:23.3984029-08:00',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.9999999Z',
  '0001-01-01T00:00:00.000000000000-12:00',
  '9999-12-31T23:59:59.999999999999+14:00',
  '2024-02-29T12:00:00+14:00',
  '2000-02-29T00:00:00.1-12:00',
  '2021-06-30T23:59:59.123Z',
  '2021-01-01T00:00:00+05:45',
  '2021-01-01T00:00:00-00:00',
  '2021-01-01T00:00:00+23:59',
]);

const DIGITS = '0123456789'.split('');
const EDGE_OFFSETS = [
  '-12:00',
  '+14:00',
  '+00:00',
  '-00:00',
  '+05:30',
  '+05:45',
  '-09:30',
  '+23:59',
  '-23:59',
];

/**
 * Any `DateTimeOffset` the contract accepts, built from components rather than from a `Date` (which
 * cannot express them all): years 0001-9999, real calendar days (29 February in leap years only),
 * 0 to 12 fractional digits (biased to Graph's 7 and Kiota's 3), `Z` or an offset from -23:59 to
 * +23:59 (biased to -12:00, +14:00 and odd ones like +05:45).
 */
export function dateTimeOffsetArbitrary(): fc.Arbitrary<string> {
  const year = fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(1, 9999, 1970, 2000, 2024, 1900) },
    { weight: 2, arbitrary: fc.integer({ min: 2015, max: 2030 }) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 9999 }) },
  );
  const fraction = fc.oneof(
    { weight: 3, arbitrary: digits(GRAPH_FRACTION_DIGITS, GRAPH_FRACTION_DIGITS) },
    { weight: 1, arbitrary: digits(3, 3) },
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: digits(1, MAX_FRACTION_DIGITS) },
    { weight: 1, arbitrary: fc.constantFrom('0000000', '9999999', '000000000000', '999999999999') },
  );
  const offset = fc
    .tuple(
      fc.constantFrom('+', '-'),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
    )
    .map(([sign, hours, minutes]) => `${sign}${pad(hours, 2)}:${pad(minutes, 2)}`);
  const zone = fc.oneof(
    { weight: 4, arbitrary: fc.constant('Z') },
    { weight: 2, arbitrary: fc.constantFrom(...EDGE_OFFSETS) },
    { weight: 1, arbitrary: offset },
  );
  return fc
    .record(
      {
        year,
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
        fraction,
        zone,
      },
      { noNullPrototype: true },
    )
    .map(
      (c) =>
        // Clamping (rather than filtering) keeps every shrink valid and favours month ends.
        `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(Math.min(c.day, daysInMonth(c.year, c.month)), 2)}` +
        `T${pad(c.hour, 2)}:${pad(c.minute, 2)}:${pad(c.second, 2)}` +
        `${c.fraction === '' ? '' : `.${c.fraction}`}${c.zone}`,
    );
}

function digits(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...DIGITS), minLength, maxLength });
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
