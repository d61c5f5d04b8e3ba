import fc from 'fast-check';
import type { InvalidCreateUserStatusRequest } from '../../src/arbitraries/InvalidCreateUserStatusRequest';
import {
  arbitrarySubject,
  assertAllValid,
  assertFailsAsLabelled,
  assertJsonRoundTrip,
  assertProperty,
  assertSameSeedSameValues,
  assertSeedsDiffer,
  assertShrinkingKeepsLabel,
} from './generatorAssertions';

// The battery is only worth running if it catches broken generators: each test feeds it one.

const validBody = {
  userDisplayName: 'Adele Vance',
  devicesCount: 1,
  status: 'compliant',
  lastReportedDateTime: '2020-06-14T20:52:52.8841394Z',
  userPrincipalName: 'adele.vance@contoso.onmicrosoft.com',
};

function invalid(body: unknown, path: string, rule: string): InvalidCreateUserStatusRequest {
  return { body, violation: { path, rule, mutation: 'wrongType', description: 'test case' } };
}

describe('assertSameSeedSameValues', () => {
  it('accepts a generator that depends only on its seed', () => {
    expect(() => assertSameSeedSameValues(arbitrarySubject('nat', fc.nat()))).not.toThrow();
  });

  it('catches a generator with hidden state (a counter, the clock, Math.random)', () => {
    let calls = 0;
    const leaky = {
      name: 'leaky',
      generate: (seed: number, count: number) =>
        Array.from({ length: count }, (_, i) => seed + i + calls++),
    };
    expect(() => assertSameSeedSameValues(leaky)).toThrow(/leaky is not reproducible: seed 1/);
  });
});

describe('assertSeedsDiffer', () => {
  it('catches a generator that ignores its seed', () => {
    const constant = {
      name: 'constant',
      generate: (_seed: number, count: number) => Array(count).fill(3),
    };
    expect(() => assertSeedsDiffer(constant)).toThrow(/constant ignores its seed/);
  });
});

describe('assertAllValid', () => {
  it('accepts valid values', () => {
    expect(() => assertAllValid([validBody], 'request')).not.toThrow();
  });

  it('catches a value above Int32 max, naming the issue', () => {
    expect(() =>
      assertAllValid([validBody, { ...validBody, devicesCount: 2 ** 31 }], 'request'),
    ).toThrow(/value 1 breaks the request contract[\s\S]*\/devicesCount maximum/);
  });

  it('checks the profile it is given', () => {
    expect(() => assertAllValid([{}], 'request', 'graph-metadata')).not.toThrow();
    expect(() => assertAllValid([{}], 'request', 'documented')).toThrow(/required/);
  });
});

describe('assertFailsAsLabelled', () => {
  it('accepts a body that fails exactly as labelled', () => {
    expect(() =>
      assertFailsAsLabelled(invalid({ ...validBody, devicesCount: '3' }, '/devicesCount', 'type')),
    ).not.toThrow();
  });

  it('accepts a non-string status, which fails type and enum at the same path', () => {
    expect(() =>
      assertFailsAsLabelled(invalid({ ...validBody, status: 1 }, '/status', 'type')),
    ).not.toThrow();
  });

  it('catches a body labelled invalid that is valid', () => {
    expect(() => assertFailsAsLabelled(invalid(validBody, '/devicesCount', 'type'))).toThrow(
      /nothing: it is valid/,
    );
  });

  it('catches a wrong rule', () => {
    expect(() =>
      assertFailsAsLabelled(
        invalid({ ...validBody, devicesCount: '3' }, '/devicesCount', 'maximum'),
      ),
    ).toThrow(/fails with \[\/devicesCount type\]/);
  });

  it('catches a second problem at another path', () => {
    expect(() =>
      assertFailsAsLabelled(
        invalid({ ...validBody, devicesCount: '3', status: 'Compliant' }, '/devicesCount', 'type'),
      ),
    ).toThrow(/\/status enum/);
  });
});

describe('assertJsonRoundTrip', () => {
  it('accepts plain JSON data, including astral characters and large integers', () => {
    expect(() => assertJsonRoundTrip({ a: ['\u{1F600}', 2 ** 53, null, { b: '' }] })).not.toThrow();
  });

  it.each([
    ['an undefined property', { a: undefined }],
    ['negative zero', { a: -0 }],
    ['NaN', { a: NaN }],
    ['a Date', { a: new Date(0) }],
    ['a function', () => 1],
  ])('catches %s', (_name, value) => {
    expect(() => assertJsonRoundTrip(value)).toThrow(/JSON/);
  });
});

describe('assertProperty', () => {
  it('catches an arbitrary that sometimes yields an invalid value, and reports the seed', () => {
    const sometimesBroken = fc.integer({ min: 0, max: 2 ** 32 }).map((devicesCount) => ({
      ...validBody,
      devicesCount,
    }));
    expect(() =>
      assertProperty(sometimesBroken, (value) => assertAllValid([value], 'request')),
    ).toThrow(/seed/);
  });

  it('tries the examples first', () => {
    const seen: number[] = [];
    assertProperty(fc.constant(1), (value) => void seen.push(value), [42], 3);
    expect(seen[0]).toBe(42);
  });
});

describe('assertShrinkingKeepsLabel', () => {
  it('accepts an arbitrary whose every shrink stays invalid', () => {
    const overflow = fc
      .integer({ min: 2 ** 31, max: 2 ** 40 })
      .map((devicesCount) => invalid({ ...validBody, devicesCount }, '/devicesCount', 'maximum'));
    expect(assertShrinkingKeepsLabel(overflow).body).toEqual({
      ...validBody,
      devicesCount: 2 ** 31,
    });
  });

  it('catches an arbitrary that shrinks into a valid body', () => {
    const careless = fc
      .integer({ min: 0, max: 2 ** 40 })
      .map((devicesCount) => invalid({ ...validBody, devicesCount }, '/devicesCount', 'maximum'));
    expect(() => assertShrinkingKeepsLabel(careless)).toThrow(/nothing: it is valid/);
  });
});
