import { DATE_TIME_OFFSET_YEARS } from '../contracts/dateTimeOffset';
import { UsageError } from '../errors';

/**
 * Writes an instant as Graph writes a `DateTimeOffset`: UTC, 7 fractional digits, `Z`
 * (`2020-06-14T20:52:52.8841394Z`). `extraTicks` adds 100-ns ticks (0-9999) below the millisecond.
 * @throws UsageError for an invalid date or a year outside 0001-9999.
 */
export function formatGraphDateTime(date: Date, extraTicks = 0): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new UsageError('the date is invalid (NaN); pass a valid Date');
  const year = date.getUTCFullYear();
  if (year < DATE_TIME_OFFSET_YEARS.min || year > DATE_TIME_OFFSET_YEARS.max) {
    throw new UsageError(`the year ${year} is outside 0001-9999, which a DateTimeOffset can hold`);
  }
  // toISOString writes years 0000-9999 with four digits and exactly 3 fractional digits.
  return `${date.toISOString().slice(0, 23)}${String(extraTicks).padStart(4, '0')}Z`;
}
