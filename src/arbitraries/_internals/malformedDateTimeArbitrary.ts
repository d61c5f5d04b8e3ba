import fc from 'fast-check';
import { daysInMonth, type DateTimeOffsetParts } from '../../contracts/dateTimeOffset';

/** A string that is not a `DateTimeOffset`, and what is wrong with it. */
export interface MalformedDateTime {
  /** The string. */
  readonly value: string;
  /** What is wrong, as a phrase that follows the value (`has hour 24`). */
  readonly problem: string;
}

/** The canonical broken date-times, tried before random ones. */
export const MALFORMED_DATE_TIME_EDGE_CASES: readonly MalformedDateTime[] = Object.freeze(
  (
    [
      ['2020-06-14T20:52:52.8841394', 'has no offset (neither Z nor ±hh:mm)'],
      ['2021-02-29T00:00:00Z', 'is 29 February of a non-leap year'],
      ['2021-04-31T00:00:00Z', 'has day 31 in April'],
      ['2020-06-14T24:00:00Z', 'has hour 24'],
      ['2016-12-31T23:59:60Z', 'has a leap second'],
      ['2020-06-14T20:52:52.1234567890123Z', 'has 13 fractional digits'],
      ['2020-06-14t20:52:52z', "has a lower-case 't' and 'z'"],
      ['2020-06-14 20:52:52Z', "separates date and time with a space, not 'T'"],
      ['2020-06-14T20:52:52+0530', 'has an offset without a colon'],
      ['2020-06-14T20:52:52+24:00', 'has offset hour 24'],
      ['0000-01-01T00:00:00Z', 'has year 0000'],
      ['10000-01-01T00:00:00Z', 'has a 5-digit year'],
      ['2020-06-14', 'is a date without a time'],
      ['String (timestamp)', "is the documentation's placeholder"],
    ] as const
  ).map(([value, problem]) => ({ value, problem })),
);

/** The parts of a valid date-time, to break one at a time (the zone as written). */
type DateParts = Omit<DateTimeOffsetParts, 'offsetMinutes'> & { readonly zone: string };

const dateParts: fc.Arbitrary<DateParts> = fc.record(
  {
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 12 }),
    zone: fc.constantFrom('Z', '+00:00', '-08:00', '+14:00', '-12:00'),
  },
  { noNullPrototype: true },
);

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function datePart(p: Pick<DateParts, 'year' | 'month' | 'day'>): string {
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

function timePart(p: Pick<DateParts, 'hour' | 'minute' | 'second' | 'fraction'>): string {
  return `${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}${p.fraction === '' ? '' : `.${p.fraction}`}`;
}

function render(p: DateParts): string {
  return `${datePart(p)}T${timePart(p)}${p.zone}`;
}

const BROKEN: readonly fc.Arbitrary<readonly [string, string]>[] = [
  dateParts.map((p) => [`${datePart(p)}T${timePart(p)}`, 'has no offset (neither Z nor ±hh:mm)']),
  dateParts.map((p) => [datePart(p), 'is a date without a time']),
  dateParts.map((p) => [
    `${datePart(p)} ${timePart(p)}${p.zone}`,
    "separates date and time with a space, not 'T'",
  ]),
  dateParts.map((p) => [`${datePart(p)}t${timePart(p)}${p.zone}`, "has a lower-case 't'"]),
  dateParts.map((p) => [`${datePart(p)}T${timePart(p)}z`, "has a lower-case 'z'"]),
  fc
    .tuple(
      dateParts,
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 13, maxLength: 20 }),
    )
    .map(([p, fraction]) => [render({ ...p, fraction }), 'has more than 12 fractional digits']),
  fc
    .tuple(dateParts, fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })))
    .map(([p, month]) => [render({ ...p, month }), `has month ${pad(month, 2)}`]),
  fc.tuple(dateParts, fc.integer({ min: 1, max: 60 }), fc.boolean()).map(([p, excess, zero]) => {
    const day = zero ? 0 : Math.min(99, daysInMonth(p.year, p.month) + excess);
    return [
      render({ ...p, day }),
      `has day ${pad(day, 2)}, which month ${pad(p.month, 2)} of ${pad(p.year, 4)} does not have`,
    ];
  }),
  fc
    .tuple(
      dateParts,
      fc.integer({ min: 1, max: 9999 }).filter((year) => daysInMonth(year, 2) === 28),
    )
    .map(([p, year]) => [
      render({ ...p, year, month: 2, day: 29 }),
      `is 29 February of ${pad(year, 4)}, not a leap year`,
    ]),
  fc
    .tuple(dateParts, fc.integer({ min: 24, max: 99 }))
    .map(([p, hour]) => [render({ ...p, hour }), `has hour ${hour}`]),
  fc
    .tuple(dateParts, fc.integer({ min: 60, max: 99 }))
    .map(([p, minute]) => [render({ ...p, minute }), `has minute ${minute}`]),
  fc
    .tuple(dateParts, fc.integer({ min: 60, max: 99 }))
    .map(([p, second]) => [render({ ...p, second }), `has second ${second} (no leap seconds)`]),
  fc
    .tuple(dateParts, fc.constantFrom('+', '-'), fc.integer({ min: 24, max: 99 }))
    .map(([p, sign, hours]) => [
      render({ ...p, zone: `${sign}${hours}:00` }),
      `has offset hour ${hours}`,
    ]),
  fc
    .tuple(dateParts, fc.constantFrom('+', '-'), fc.integer({ min: 60, max: 99 }))
    .map(([p, sign, minutes]) => [
      render({ ...p, zone: `${sign}05:${minutes}` }),
      `has offset minute ${minutes}`,
    ]),
  fc
    .tuple(dateParts, fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 2359 }))
    .map(([p, sign, hhmm]) => [
      render({ ...p, zone: `${sign}${pad(hhmm, 4)}` }),
      'has an offset without a colon',
    ]),
  dateParts.map((p) => [render({ ...p, year: 0 }), 'has year 0000']),
  fc
    .tuple(dateParts, fc.integer({ min: 10000, max: 275759 }))
    .map(([p, year]) => [
      `${year}${render(p).slice(4)}`,
      `has a ${String(year).length}-digit year`,
    ]),
  fc.constantFrom(
    ['', 'is empty'],
    ['String (timestamp)', "is the documentation's placeholder"],
    ['1592167972', 'is epoch seconds written as a string'],
    ['Sun, 14 Jun 2020 20:52:52 GMT', 'is an HTTP (RFC 1123) date'],
    ['2020-06-14T20:52:52,8841394Z', 'uses a comma before the fraction'],
    [' 2020-06-14T20:52:52Z', 'has a leading space'],
    ['2020-06-14T20:52:52Z ', 'has a trailing space'],
    ['2020-6-14T20:52:52Z', 'has a one-digit month'],
    ['2020-06-14T20:52Z', 'has no seconds'],
    ['2020-06-14T20:52:52.Z', 'has a dot without digits'],
    ['2020-06-14T20:52:52+05:30:00', 'has seconds in its offset'],
    ['\uFF12\uFF10\uFF12\uFF10-06-14T20:52:52Z', 'uses full-width digits'],
  ),
];

/**
 * Strings that are not a `DateTimeOffset`, each with what is wrong: no offset, a date alone, a space
 * or lower-case separators, 13+ fractional digits, month, day (30 February, 31 April, 29 February of
 * a common year), hour, minute, second or offset out of range, an offset without a colon, years 0000
 * and 10000+, and other formats (HTTP dates, epoch seconds, the documentation's placeholder).
 * Every part is drawn from a range that stays broken, so every shrink stays broken.
 */
export function malformedDateTimeArbitrary(): fc.Arbitrary<MalformedDateTime> {
  return fc.oneof(...BROKEN).map(([value, problem]) => ({ value, problem }));
}
