/**
 * Whether two contract date-times name the same instant, to the last of their 12 possible
 * fractional digits (`2020-01-01T00:00:00Z` equals `2019-12-31T16:00:00.000-08:00`). Strings that
 * are not date-times are compared as strings.
 */
export function sameInstant(a: string, b: string): boolean {
  if (a === b) return true;
  const left = toInstant(a);
  const right = toInstant(b);
  return (
    left !== undefined &&
    right !== undefined &&
    left.seconds === right.seconds &&
    left.fraction === right.fraction
  );
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,12}))?(Z|([+-])(\d{2}):(\d{2}))$/;

function toInstant(text: string): { seconds: number; fraction: string } | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone, sign, oh, om] = match;
  const days = daysFromCivil(Number(y), Number(mo), Number(d));
  let seconds = days * 86_400 + Number(h) * 3600 + Number(mi) * 60 + Number(s);
  if (zone !== 'Z') {
    const offset = Number(oh) * 3600 + Number(om) * 60;
    seconds -= sign === '+' ? offset : -offset;
  }
  return { seconds, fraction: fraction.replace(/0+$/, '') };
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
