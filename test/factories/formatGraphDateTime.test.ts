import { UsageError } from '../../src/errors';
import { formatGraphDateTime } from '../../src/factories/formatGraphDateTime';
import { isDateTimeOffset } from '../../src/validator/isDateTimeOffset';

describe('formatGraphDateTime', () => {
  it('writes UTC with 7 fractional digits and Z, as Graph does', () => {
    expect(formatGraphDateTime(new Date('2020-06-14T20:52:52.884Z'), 1394)).toBe(
      '2020-06-14T20:52:52.8841394Z',
    );
    expect(formatGraphDateTime(new Date('2020-06-14T20:52:52Z'))).toBe(
      '2020-06-14T20:52:52.0000000Z',
    );
  });

  it('writes the first and last instants a DateTimeOffset can hold', () => {
    const first = formatGraphDateTime(new Date('0001-01-01T00:00:00Z'));
    const last = formatGraphDateTime(new Date('9999-12-31T23:59:59.999Z'), 9999);
    expect([first, last]).toEqual(['0001-01-01T00:00:00.0000000Z', '9999-12-31T23:59:59.9999999Z']);
    expect(isDateTimeOffset(first) && isDateTimeOffset(last)).toBe(true);
  });

  it.each([
    ['an invalid date', new Date(Number.NaN)],
    ['year 0', new Date('0000-06-01T00:00:00Z')],
    ['year 10000', new Date('+010000-01-01T00:00:00Z')],
  ])('refuses %s', (_name, date) => {
    expect(() => formatGraphDateTime(date)).toThrow(UsageError);
  });
});
