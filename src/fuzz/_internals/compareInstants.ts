import {
  daysSinceEpoch,
  MAX_FRACTION_DIGITS,
  parseDateTimeOffset,
} from '../../contracts/dateTimeOffset';

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
  const unit = 10n ** BigInt(MAX_FRACTION_DIGITS - right.digits);
  return right.digits < MAX_FRACTION_DIGITS && distance < unit
    ? { kind: 'precision', digits: right.digits }
    : { kind: 'different' };
}

/** Whether two contract date-times name the same instant, to the last of their 12 possible digits. */
export function sameInstant(a: string, b: string): boolean {
  return compareInstants(a, b).kind === 'same';
}

/** The instant in picoseconds since 1970 (exact, as a bigint), and how many digits were written. */
function toPicoseconds(text: string): { value: bigint; digits: number } | undefined {
  const parts = parseDateTimeOffset(text);
  if (!parts) return undefined;
  const seconds =
    daysSinceEpoch(parts.year, parts.month, parts.day) * 86_400 +
    parts.hour * 3600 +
    parts.minute * 60 +
    parts.second -
    parts.offsetMinutes * 60;
  const value =
    BigInt(seconds) * 10n ** BigInt(MAX_FRACTION_DIGITS) +
    BigInt(parts.fraction.padEnd(MAX_FRACTION_DIGITS, '0'));
  return { value, digits: parts.fraction.length };
}
