/**
 * How a date-time a server answered relates to the one it was sent:
 * - `same`: the same instant (in any zone, with any number of trailing zeros);
 * - `precision`: a different instant, but closer than one unit of the answer's last fractional
 *   digit, so the server kept fewer digits than were sent (rounded or cut; Graph keeps 7);
 * - `different`: another instant (or a string that is not a contract date-time).
 */
export type InstantComparison =
  | { readonly kind: 'same' }
  | { readonly kind: 'precision'; readonly digits: number }
  | { readonly kind: 'different' };

/**
 * Compares two contract date-times as instants, to the precision the answer shows
 * (`2020-01-01T00:00:00Z` is the same as `2019-12-31T16:00:00.000-08:00`;
 * `…52.8841394Z` answering `…52.884139412345Z` is a precision loss to 7 digits).
 */
export function compareInstants(sent: string, received: string): InstantComparison {
  if (sent === received) return { kind: 'same' };
  const left = toPicoseconds(sent);
  const right = toPicoseconds(received);
  if (left === undefined || right === undefined) return { kind: 'different' };
  if (left.value === right.value) return { kind: 'same' };
  const distance = left.value > right.value ? left.value - right.value : right.value - left.value;
  const unit = 10n ** BigInt(MAX_DIGITS - right.digits);
  return right.digits < MAX_DIGITS && distance < unit
    ? { kind: 'precision', digits: right.digits }
    : { kind: 'different' };
}

/** Whether two contract date-times name the same instant, to the last of their 12 possible digits. */
export function sameInstant(a: string, b: string): boolean {
  return compareInstants(a, b).kind === 'same';
}

const MAX_DIGITS = 12;

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,12}))?(Z|([+-])(\d{2}):(\d{2}))$/;

/** The instant in picoseconds since 1970 (exact, as a bigint), and how many digits were written. */
function toPicoseconds(text: string): { value: bigint; digits: number } | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone, sign, oh, om] = match;
  const days = daysFromCivil(Number(y), Number(mo), Number(d));
  let seconds = days * 86_400 + Number(h) * 3600 + Number(mi) * 60 + Number(s);
  if (zone !== 'Z') {
    const offset = Number(oh) * 3600 + Number(om) * 60;
    seconds -= sign === '+' ? offset : -offset;
  }
  const value = BigInt(seconds) * 10n ** 12n + BigInt(fraction.padEnd(MAX_DIGITS, '0'));
  return { value, digits: fraction.length };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm; any year). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
