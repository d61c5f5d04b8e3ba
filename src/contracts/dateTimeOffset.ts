// The contract's DateTimeOffset, its calendar and its syntax, in one place: the validator, the
// generators, the factories, the Pact matchers and the fuzzer all read date-times through here.

/** The years a DateTimeOffset can hold (`0001` to `9999`). */
export const DATE_TIME_OFFSET_YEARS = { min: 1, max: 9999 } as const;

/** The most fractional digits the contract's pattern allows (Graph's published pattern). */
export const MAX_FRACTION_DIGITS = 12;

/** The fractional digits Graph writes (100-ns ticks: `2020-06-14T20:52:52.8841394Z`). */
export const GRAPH_FRACTION_DIGITS = 7;

/**
 * An RFC 3339 date-time with an offset, as JSON Schema's `date-time` format defines it (any number
 * of fractional digits, `T`/`Z` in either case); the contract's own pattern is narrower.
 */
export const RFC3339_DATE_TIME_PATTERN =
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$';

/** Days in a month (1-12) of a year of the proleptic Gregorian calendar, as the contract counts them. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm; any year). */
export function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The fields of a date-time written in the contract's syntax. */
export interface DateTimeOffsetParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** The fractional digits as written (`''` when there are none). */
  readonly fraction: string;
  /** The offset from UTC in minutes (`+05:30` is 330, `Z` is 0). */
  readonly offsetMinutes: number;
}

const DATE_TIME = new RegExp(
  `^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,${MAX_FRACTION_DIGITS}}))?(Z|([+-])(\\d{2}):(\\d{2}))$`,
);

/**
 * Splits a date-time of the contract's shape (`Z` or `±hh:mm`, 0 to 12 fractional digits) into its
 * fields, or `undefined` for another shape. Ranges and calendar days are not checked: that is
 * `isDateTimeOffset`'s job.
 */
export function parseDateTimeOffset(text: string): DateTimeOffsetParts | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', zone, sign, oh, om] = match;
  const offset = zone === 'Z' ? 0 : Number(oh) * 60 + Number(om);
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    fraction,
    offsetMinutes: sign === '-' ? -offset : offset,
  };
}
