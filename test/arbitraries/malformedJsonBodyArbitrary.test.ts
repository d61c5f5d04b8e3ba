import fc from 'fast-check';
import type { MalformedJsonLabel } from '../../src/arbitraries/MalformedJsonBody';
import {
  DEEP_NESTING_DEPTH,
  HUGE_STRING_LENGTH,
  malformedJsonBodyArbitrary,
  malformedJsonBodyExamples,
} from '../../src/arbitraries/malformedJsonBodyArbitrary';
import {
  BATTERY_RUNS,
  arbitrarySubject,
  assertJsonRoundTrip,
  assertProperty,
  assertSameSeedSameValues,
  assertSeedsDiffer,
} from '../helpers/generatorAssertions';

const LABELS: readonly MalformedJsonLabel[] = [
  'truncated',
  'trailingComma',
  'byteOrderMark',
  'singleQuotes',
  'unquotedKey',
  'comment',
  'nonJsonNumber',
  'invalidEscape',
  'rawControlCharacter',
  'trailingGarbage',
  'empty',
  'notJson',
  'duplicateKeys',
  'protoKey',
  'loneSurrogate',
  'hugeNumber',
  'deepNesting',
  'hugeString',
];

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('malformedJsonBodyArbitrary (shared generator battery)', () => {
  // Without the two large bodies, so repeated generations stay cheap; they are checked below.
  const subject = arbitrarySubject(
    'malformedJsonBodyArbitrary',
    malformedJsonBodyArbitrary({ huge: false }),
  );

  it('gives the same values for the same seed', () => {
    assertSameSeedSameValues(subject);
  });

  it('gives different values for different seeds', () => {
    assertSeedsDiffer(subject);
  });

  it('labels truly whether JSON.parse accepts each body, and survives a JSON round trip', () => {
    assertProperty(
      malformedJsonBodyArbitrary(),
      (body) => {
        expect({ label: body.label, parses: parses(body.text) }).toEqual({
          label: body.label,
          parses: body.parsesAsJson,
        });
        assertJsonRoundTrip(body);
      },
      malformedJsonBodyExamples(),
      BATTERY_RUNS,
    );
  });
});

describe('malformedJsonBodyArbitrary', () => {
  it('produces every label, the large ones rarely', () => {
    const values = fc.sample(malformedJsonBodyArbitrary(), { seed: 1, numRuns: 2_000 });
    expect(new Set(values.map(({ label }) => label))).toEqual(new Set(LABELS));
    const large = values.filter(({ label }) => label === 'deepNesting' || label === 'hugeString');
    expect(large.length).toBeLessThan(values.length / 20);
  });

  it('lists every label among its examples, the large bodies included', () => {
    const examples = malformedJsonBodyExamples();
    expect(new Set(examples.map(({ label }) => label))).toEqual(new Set(LABELS));
    const deep = examples.find(({ label }) => label === 'deepNesting');
    const huge = examples.find(({ label }) => label === 'hugeString');
    expect(deep?.text.length).toBe(2 * DEEP_NESTING_DEPTH);
    expect(huge?.text.length).toBeGreaterThan(HUGE_STRING_LENGTH);
  });

  it('leaves out the large bodies when asked to', () => {
    const labels = [
      ...malformedJsonBodyExamples({ huge: false }),
      ...fc.sample(malformedJsonBodyArbitrary({ huge: false }), { seed: 3, numRuns: 1_000 }),
    ].map(({ label }) => label);
    expect(labels).not.toContain('deepNesting');
    expect(labels).not.toContain('hugeString');
  });

  it('damages a create body that was otherwise valid', () => {
    const trailingComma = malformedJsonBodyExamples().find(
      ({ label }) => label === 'trailingComma',
    );
    expect(trailingComma?.text).toMatch(/^\{"@odata\.type":.*,\}$/);
  });
});
