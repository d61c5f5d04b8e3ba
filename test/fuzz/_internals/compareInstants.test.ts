import { compareInstants, sameInstant } from '../../../src/fuzz/_internals/compareInstants';

describe('sameInstant', () => {
  it.each([
    ['2020-06-14T20:52:52.8841394Z', '2020-06-14T20:52:52.884139400Z'],
    ['2020-06-14T20:52:52Z', '2020-06-14T13:52:52.000-07:00'],
    ['2020-01-01T00:00:00+14:00', '2019-12-31T10:00:00Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000000000000Z'],
    ['9999-12-31T23:59:59.9999999Z', '9999-12-31T23:59:59.999999900Z'],
    ['2024-02-29T12:00:00-12:00', '2024-03-01T00:00:00Z'],
  ])('treats %s and %s as the same instant', (a, b) => {
    expect(sameInstant(a, b)).toBe(true);
  });

  it.each([
    ['2020-06-14T20:52:52.8841394Z', '2020-06-14T20:52:52.8841395Z'],
    ['2020-06-14T20:52:52Z', '2020-06-14T20:52:52-00:01'],
    ['2020-06-14T20:52:52.000000000001Z', '2020-06-14T20:52:52Z'],
    ['not a date', 'not a date either'],
  ])('tells %s and %s apart', (a, b) => {
    expect(sameInstant(a, b)).toBe(false);
  });
});

describe('compareInstants', () => {
  it.each([
    // Graph keeps 7 digits (.NET ticks): rounded or cut, the instant is the same to that precision.
    ['2020-06-14T20:52:52.884139412345Z', '2020-06-14T20:52:52.8841394Z', 7],
    ['2020-06-14T20:52:52.88413945Z', '2020-06-14T20:52:52.8841395Z', 7],
    ['2020-06-14T13:52:52.884139412345-07:00', '2020-06-14T20:52:52.8841394Z', 7],
    ['2020-06-14T20:52:52.999999999999Z', '2020-06-14T20:52:53.0000000Z', 7],
    // OData's default precision for a DateTimeOffset is 0 digits.
    ['2020-06-14T20:52:52.9Z', '2020-06-14T20:52:52Z', 0],
  ])('calls %s answered as %s a precision loss to %i digits', (sent, received, digits) => {
    expect(compareInstants(sent, received)).toEqual({ kind: 'precision', digits });
  });

  it.each([
    ['2020-06-14T20:52:52.8841394Z', '2020-06-14T20:52:52.884139400000Z'],
    ['2020-06-14T12:52:52.8841394-08:00', '2020-06-14T20:52:52.8841394Z'],
  ])('calls %s answered as %s the same instant', (sent, received) => {
    expect(compareInstants(sent, received)).toEqual({ kind: 'same' });
  });

  it.each([
    // More than one unit of the last digit apart: the instant changed.
    ['2020-06-14T20:52:52.88413945Z', '2020-06-14T20:52:52.8841396Z'],
    ['2020-06-14T20:52:52.5Z', '2020-06-14T20:52:52.5000001Z'],
    // An offset dropped without converting moves the instant by hours.
    ['2020-06-14T12:52:52.8841394-08:00', '2020-06-14T12:52:52.8841394Z'],
    ['2020-06-14T20:52:52Z', 'yesterday'],
  ])('calls %s answered as %s a different instant', (sent, received) => {
    expect(compareInstants(sent, received)).toEqual({ kind: 'different' });
  });
});
