import fc from 'fast-check';
import {
  createUserStatusRequestArbitrary,
  createUserStatusRequestExamples,
} from '../../src/arbitraries/createUserStatusRequestArbitrary';
import { INT32_MAX, INT32_MIN } from '../../src/arbitraries/int32Bounds';
import { COMPLIANCE_STATUSES } from '../../src/contracts/complianceStatuses';
import type { CreateUserStatusRequest } from '../../src/contracts/types.generated';
import { arbitrarySubject, describeValidGeneratorBattery } from '../helpers/generatorAssertions';

describeValidGeneratorBattery({
  ...arbitrarySubject('createUserStatusRequestArbitrary()', createUserStatusRequestArbitrary()),
  contract: 'request',
  examples: createUserStatusRequestExamples(),
});

describeValidGeneratorBattery({
  ...arbitrarySubject(
    "createUserStatusRequestArbitrary({ profile: 'graph-metadata' })",
    createUserStatusRequestArbitrary({ profile: 'graph-metadata' }),
  ),
  contract: 'request',
  profile: 'graph-metadata',
  examples: createUserStatusRequestExamples({ profile: 'graph-metadata' }),
});

describeValidGeneratorBattery({
  ...arbitrarySubject(
    "createUserStatusRequestArbitrary({ status: 'nonCompliant', nullableNames: false })",
    createUserStatusRequestArbitrary({ status: 'nonCompliant', nullableNames: false }),
  ),
  contract: 'request',
  examples: createUserStatusRequestExamples({ status: 'nonCompliant', nullableNames: false }),
});

/** Whether either name of the body matches. */
function someName(body: CreateUserStatusRequest, pattern: RegExp): boolean {
  return [body.userDisplayName, body.userPrincipalName].some((name) => pattern.test(name ?? ''));
}

describe('createUserStatusRequestArbitrary', () => {
  // Random values alone (no examples) must reach every edge the contract has.
  const bodies = fc.sample(createUserStatusRequestArbitrary(), { seed: 1, numRuns: 2_000 });

  it.each([
    ['Int32 min', (b: CreateUserStatusRequest) => b.devicesCount === INT32_MIN],
    ['Int32 max', (b: CreateUserStatusRequest) => b.devicesCount === INT32_MAX],
    ['devicesCount 0', (b: CreateUserStatusRequest) => b.devicesCount === 0],
    ['devicesCount -1', (b: CreateUserStatusRequest) => b.devicesCount === -1],
    ['a null name', (b: CreateUserStatusRequest) => b.userDisplayName === null],
    ['an empty name', (b: CreateUserStatusRequest) => b.userDisplayName === ''],
    [
      'a name over 1,000 characters',
      (b: CreateUserStatusRequest) => (b.userDisplayName ?? '').length > 1_000,
    ],
    ['a non-BMP character', (b: CreateUserStatusRequest) => someName(b, /[\uD800-\uDBFF]/)],
    [
      'a right-to-left character',
      (b: CreateUserStatusRequest) => someName(b, /[\u0590-\u08FF\u202E]/),
    ],
    [
      'a zero-width character',
      (b: CreateUserStatusRequest) => someName(b, /[\u200B-\u200F\u2060\uFEFF]/),
    ],
    ['year 0001', (b: CreateUserStatusRequest) => b.lastReportedDateTime.startsWith('0001-')],
    ['year 9999', (b: CreateUserStatusRequest) => b.lastReportedDateTime.startsWith('9999-')],
    ['offset -12:00', (b: CreateUserStatusRequest) => b.lastReportedDateTime.endsWith('-12:00')],
    ['offset +14:00', (b: CreateUserStatusRequest) => b.lastReportedDateTime.endsWith('+14:00')],
    [
      'no fractional digits',
      (b: CreateUserStatusRequest) => /:\d\d(Z|[+-]\d\d:\d\d)$/.test(b.lastReportedDateTime),
    ],
    [
      '12 fractional digits',
      (b: CreateUserStatusRequest) => /\.\d{12}(Z|[+-])/.test(b.lastReportedDateTime),
    ],
    ['an id', (b: CreateUserStatusRequest) => b.id !== undefined],
    ['no id', (b: CreateUserStatusRequest) => b.id === undefined],
    ['@odata.type', (b: CreateUserStatusRequest) => b['@odata.type'] !== undefined],
    ['no @odata.type', (b: CreateUserStatusRequest) => b['@odata.type'] === undefined],
  ])('reaches %s in 2,000 random values', (_edge, matches) => {
    expect(bodies.some(matches)).toBe(true);
  });

  it('reaches every status value', () => {
    expect(new Set(bodies.map((body) => body.status))).toEqual(new Set(COMPLIANCE_STATUSES));
  });

  it('keeps to the status and non-null names it is asked for', () => {
    const constrained = fc.sample(
      createUserStatusRequestArbitrary({ status: 'compliant', nullableNames: false }),
      { seed: 2, numRuns: 500 },
    );
    for (const body of constrained) {
      expect(body.status).toBe('compliant');
      expect(body.userDisplayName).not.toBeNull();
      expect(body.userPrincipalName).not.toBeNull();
    }
  });

  it('leaves out any property under the graph-metadata profile, down to {}', () => {
    const bodies = fc.sample(createUserStatusRequestArbitrary({ profile: 'graph-metadata' }), {
      seed: 3,
      numRuns: 500,
    });
    expect(bodies.some((body) => body.status === undefined)).toBe(true);
    expect(createUserStatusRequestExamples({ profile: 'graph-metadata' })).toContainEqual({});
  });

  it('lists every status, null names and the Int32 ends among its examples', () => {
    const examples = createUserStatusRequestExamples();
    expect(new Set(examples.map((body) => body.status))).toEqual(new Set(COMPLIANCE_STATUSES));
    expect(examples.some((body) => body.userDisplayName === null)).toBe(true);
    expect(examples.map((body) => body.devicesCount)).toEqual(
      expect.arrayContaining([INT32_MIN, INT32_MAX, 0, -1]),
    );
    expect(
      createUserStatusRequestExamples({ nullableNames: false }).some(
        (b) => b.userDisplayName === null,
      ),
    ).toBe(false);
  });
});
