import fc from 'fast-check';
import { CONTRACT_NAMES, REQUEST_PROFILES } from '../../src/contracts/registry';
import { ContractViolationError } from '../../src/errors';
import { assertValid } from '../../src/validator/assertValid';
import { check } from '../../src/validator/check';
import { listIssues } from '../../src/validator/listIssues';

const TARGETS = [
  ...CONTRACT_NAMES.filter((c) => c !== 'request').map((contract) => ({
    contract,
    profile: 'documented' as const,
  })),
  ...REQUEST_PROFILES.map((profile) => ({ contract: 'request' as const, profile })),
];

const FIELDS = [
  '@odata.type',
  '@odata.context',
  'id',
  'userDisplayName',
  'devicesCount',
  'status',
  'lastReportedDateTime',
  'userPrincipalName',
];

const VALID = {
  '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
  id: 'c72adc2c-dc2c-c72a-2cdc-2ac72cdc2ac7',
  userDisplayName: 'Adele Vance',
  devicesCount: 3,
  status: 'compliant',
  lastReportedDateTime: '2020-06-14T20:52:52.8841394Z',
  userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
};

const anything = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

/** Keys that have tripped validators and loggers before. */
const awkwardKey = fc.oneof(
  fc.constantFrom(...FIELDS, '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
  fc.constantFrom('a/b~c', 'foo@bar', '', ' ', '\u0000', 'status\n'),
  fc.string(),
);

/** Near-valid bodies: the valid one with fields replaced by anything, removed, or added. */
const nearValid = fc
  .tuple(
    fc.subarray(Object.entries(VALID)),
    fc.array(fc.tuple(awkwardKey, fc.oneof(anything, fc.constantFrom(...Object.values(VALID)))), {
      maxLength: 4,
    }),
    fc.boolean(),
  )
  .map(([kept, replaced, nullPrototype]) => {
    const value: Record<string, unknown> = nullPrototype ? Object.create(null) : {};
    // defineProperty, not assignment: a "__proto__" key must be an own property, as JSON.parse makes it.
    for (const [key, item] of [...kept, ...replaced]) {
      Object.defineProperty(value, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return value;
  });

/**
 * Calls every entry point on a value and throws if any throws (other than the assert's own error)
 * or if they disagree. Plain checks, not `expect`: this runs thousands of times per test.
 */
function validateEverywhere(value: unknown): void {
  for (const { contract, profile } of TARGETS) {
    const valid = check(contract, value, { profile });
    const issues = listIssues(contract, value, { profile });
    if ((issues.length === 0) !== valid) {
      throw new Error(`check says ${valid} but listIssues found ${issues.length} issue(s)`);
    }
    for (const issue of issues) {
      if (typeof issue.path !== 'string' || issue.message.length === 0) {
        throw new Error(`malformed issue ${JSON.stringify(issue)}`);
      }
      if (issue.actual.length >= 200) throw new Error(`issue echoes ${issue.actual.length} chars`);
    }
    try {
      assertValid(contract, value, { profile });
    } catch (error) {
      if (!(error instanceof ContractViolationError)) throw error;
    }
  }
}

function deeplyNested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('the validator on hostile input', () => {
  it('never throws, and agrees with itself, on anything fast-check can build', () => {
    fc.assert(
      fc.property(anything, (value) => validateEverywhere(value)),
      { numRuns: 1_000 },
    );
  });

  it('never throws on near-valid bodies with odd keys and values', () => {
    fc.assert(
      fc.property(nearValid, (value) => validateEverywhere(value)),
      { numRuns: 2_000 },
    );
  });

  it('treats __proto__ and constructor keys from JSON.parse as unknown own properties', () => {
    const value = JSON.parse(
      '{"__proto__":{"devicesCount":1,"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    ) as unknown;
    validateEverywhere(value);
    expect(
      listIssues('request', value, { profile: 'graph-metadata' }).map((i) => i.property),
    ).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('handles 100,000-deep nested arrays as a property value and as the root', () => {
    const deep = deeplyNested(100_000);
    validateEverywhere(deep);
    for (const field of FIELDS) validateEverywhere({ ...VALID, [field]: deep });
    validateEverywhere({ ...VALID, extra: deep });
    validateEverywhere({ error: { code: 'x', message: 'y', details: deep, innerError: deep } });
    expect(listIssues('request', { ...VALID, devicesCount: deep })).toEqual([
      expect.objectContaining({ path: '/devicesCount', rule: 'type', actual: 'array of 1' }),
    ]);
  });

  it('handles a 5 MB string in each field without echoing it back', () => {
    const huge = `2020-06-14T20:52:52Z${'x'.repeat(5 * 1024 * 1024)}`;
    validateEverywhere(huge);
    for (const field of FIELDS) {
      const value = { ...VALID, [field]: huge };
      validateEverywhere(value);
      for (const issue of listIssues('entity', value)) {
        expect(issue.message.length).toBeLessThan(1_000);
        expect(issue.expected.length).toBeLessThan(1_000);
      }
    }
    const [issue] = listIssues('request', { ...VALID, status: huge });
    expect(issue?.actual).toMatch(/\.\.\." \(5242900 characters\)$/);
  });

  it('handles values JSON cannot hold: NaN, Infinity, bigint, functions, symbols', () => {
    for (const odd of [NaN, Infinity, -Infinity, 10n, () => 1, Symbol('s'), undefined]) {
      validateEverywhere(odd);
      for (const field of FIELDS) validateEverywhere({ ...VALID, [field]: odd });
    }
    expect(listIssues('request', { ...VALID, devicesCount: NaN })[0]).toMatchObject({
      path: '/devicesCount',
      actual: 'NaN (not JSON)',
    });
  });
});
