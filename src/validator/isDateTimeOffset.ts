import {
  DATE_TIME_OFFSET_YEARS,
  daysInMonth,
  MAX_FRACTION_DIGITS,
} from '../contracts/dateTimeOffset';

/**
 * Whether a string is a Graph `DateTimeOffset` as the contract defines it: RFC 3339 with a `Z` or
 * `±hh:mm` offset, 0 to 12 fractional digits, years 0001-9999, a day that exists in that month
 * (leap years included), hours 00-23, minutes and seconds 00-59, offset hours 00-23.
 *
 * Exactly the contract's `dateTimeOffset` pattern plus calendar validity. Written with `charCodeAt`
 * because it runs on every validation: no allocation, no regex, no number parsing.
 */
export function isDateTimeOffset(value: string): boolean {
  const length = value.length;
  if (length < 20 || length > 38) return false;
  if (
    value.charCodeAt(4) !== 45 /* - */ ||
    value.charCodeAt(7) !== 45 ||
    value.charCodeAt(10) !== 84 /* T */ ||
    value.charCodeAt(13) !== 58 /* : */ ||
    value.charCodeAt(16) !== 58
  ) {
    return false;
  }
  const year = fourDigits(value, 0);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  if (
    year < DATE_TIME_OFFSET_YEARS.min ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  )
    return false;
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  const second = twoDigits(value, 17);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;

  let index = 19;
  if (value.charCodeAt(index) === 46 /* . */) {
    index++;
    const fractionStart = index;
    while (index < length && isDigit(value.charCodeAt(index))) index++;
    const digits = index - fractionStart;
    if (digits < 1 || digits > MAX_FRACTION_DIGITS) return false;
  }
  const zone = value.charCodeAt(index);
  if (zone === 90 /* Z */) return index + 1 === length;
  if (zone !== 43 /* + */ && zone !== 45 /* - */) return false;
  if (index + 6 !== length || value.charCodeAt(index + 3) !== 58) return false;
  const offsetHour = twoDigits(value, index + 1);
  const offsetMinute = twoDigits(value, index + 4);
  return offsetHour >= 0 && offsetHour <= 23 && offsetMinute >= 0 && offsetMinute <= 59;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The number written by two ASCII digits at `at`, or -1 if either is not a digit. */
function twoDigits(value: string, at: number): number {
  const tens = value.charCodeAt(at) - 48;
  const ones = value.charCodeAt(at + 1) - 48;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return -1;
  return tens * 10 + ones;
}

function fourDigits(value: string, at: number): number {
  const high = twoDigits(value, at);
  const low = twoDigits(value, at + 2);
  return high < 0 || low < 0 ? -1 : high * 100 + low;
}
