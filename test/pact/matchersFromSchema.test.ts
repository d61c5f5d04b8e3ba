import * as MatchersV3 from '@pact-foundation/pact/src/v3/matchers';
import { contractSchema, readContractFile } from '../../src/contracts/registry';
import { ContractViolationError, UsageError } from '../../src/errors';
import { createUserStatusRequestFactory } from '../../src/factories/createUserStatusRequestFactory';
import { userStatusFactory } from '../../src/factories/userStatusFactory';
import { contractMatchers } from '../../src/pact/contractMatchers';
import { matchersFromSchema } from '../../src/pact/matchersFromSchema';

const STATUS_REGEX =
  '^(unknown|notApplicable|compliant|remediated|nonCompliant|error|conflict|notAssigned)$';
const DATE_TIME_OFFSET_REGEX =
  '^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$';

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('contractMatchers on the real contracts', () => {
  it('derives the entity matchers: integer, the 8 statuses, the date-time pattern, type matches, exact @odata.type', () => {
    const example = userStatusFactory.seed(3).nonCompliant().withDevices(2).build();
    expect(contractMatchers('entity', example)).toEqual({
      '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
      id: MatchersV3.string(example.id),
      userDisplayName: MatchersV3.string(example.userDisplayName ?? ''),
      devicesCount: MatchersV3.integer(2),
      status: MatchersV3.regex(STATUS_REGEX, 'nonCompliant'),
      lastReportedDateTime: MatchersV3.regex(DATE_TIME_OFFSET_REGEX, example.lastReportedDateTime),
      userPrincipalName: MatchersV3.string(example.userPrincipalName ?? ''),
    });
  });

  it('keeps null names as exact nulls (Pact cannot say "string or null")', () => {
    const example = userStatusFactory.seed(3).anonymous().build();
    const tree = contractMatchers('entity', example) as Record<string, unknown>;
    expect(tree['userDisplayName']).toBeNull();
    expect(tree['userPrincipalName']).toBeNull();
  });

  it('derives request matchers through the request schema references into the entity schema', () => {
    const example = createUserStatusRequestFactory.seed(3).build();
    const tree = contractMatchers('request', example) as Record<string, unknown>;
    expect(tree['devicesCount']).toEqual(MatchersV3.integer(example.devicesCount));
    expect(tree['status']).toEqual(MatchersV3.regex(STATUS_REGEX, example.status));
    expect(tree['@odata.type']).toBe('#microsoft.graph.deviceComplianceUserStatus');
  });

  it("derives the error envelope's innerError.date from its own pattern", () => {
    const example = {
      error: {
        code: 'BadRequest',
        message: 'Bad.',
        innerError: { date: '2025-01-01T00:00:00', 'request-id': 'r' },
      },
    };
    const errorSchema = contractSchema('error') as unknown as {
      properties: {
        error: { properties: { innerError: { properties: { date: { pattern: string } } } } };
      };
    };
    expect(contractMatchers('error', example)).toEqual({
      error: {
        code: MatchersV3.string('BadRequest'),
        message: MatchersV3.string('Bad.'),
        innerError: {
          date: MatchersV3.regex(
            errorSchema.properties.error.properties.innerError.properties.date.pattern,
            '2025-01-01T00:00:00',
          ),
          'request-id': MatchersV3.string('r'),
        },
      },
    });
  });

  it('derives a date-time regex that accepts what the contract accepts and rejects what it rejects', () => {
    const example = userStatusFactory.seed(3).build();
    const tree = contractMatchers('entity', example) as Record<string, { regex: string }>;
    const regex = new RegExp(tree['lastReportedDateTime']?.regex ?? '');
    for (const accepted of [
      '2020-06-14T20:52:52Z',
      '2020-06-14T20:52:52.8841394Z',
      '2016-12-31T23:59:23.3984029-08:00',
      '2020-06-14T20:52:52.123456789012+05:30',
      '9999-12-31T23:59:59.9999999Z',
    ]) {
      expect(regex.test(accepted)).toBe(true);
    }
    for (const rejected of [
      '2020-06-14T20:52:52',
      '2020-06-14T20:52:52.8841394',
      '2020-06-14T20:52:52.1234567890123Z',
      '2020-06-14 20:52:52Z',
      '2020-13-14T20:52:52Z',
    ]) {
      expect(regex.test(rejected)).toBe(false);
    }
  });

  it('refuses an example that breaks the contract (a pact must not record it)', () => {
    const example = {
      ...userStatusFactory.seed(3).build(),
      devicesCount: '3' as unknown as number,
    };
    expect(() => contractMatchers('entity', example)).toThrow(ContractViolationError);
  });
});

describe('matchersFromSchema follows the schema it is given', () => {
  interface EntitySchema {
    properties: Record<string, object>;
    $defs: { complianceStatus: { enum: string[] }; dateTimeOffset: object };
  }
  const entity = readContractFile('device-compliance-user-status.schema.json') as EntitySchema;

  it('changes the matchers when the schema in memory changes', () => {
    const modified = clone(entity);
    modified.properties['devicesCount'] = { type: 'number' };
    modified.properties['id'] = { type: 'string', pattern: '^[A-Z]+$' };
    modified.$defs.complianceStatus.enum = ['compliant', 'a.b', 'c|d'];
    modified.$defs.dateTimeOffset = { type: 'string', format: 'date-time' };
    const example = {
      ...userStatusFactory.seed(3).compliant().build(),
      id: 'ABC',
      devicesCount: 1.5,
    };
    const tree = matchersFromSchema(modified, example) as Record<string, unknown>;
    expect(tree['devicesCount']).toEqual(MatchersV3.number(1.5));
    expect(tree['id']).toEqual(MatchersV3.regex('^[A-Z]+$', 'ABC'));
    expect(tree['status']).toEqual(MatchersV3.regex('^(compliant|a\\.b|c\\|d)$', 'compliant'));
    expect((tree['lastReportedDateTime'] as { regex: string }).regex).not.toBe(
      DATE_TIME_OFFSET_REGEX,
    );
  });

  it('follows a reference into another document read with readDocument', () => {
    const modifiedEntity = clone(entity);
    modifiedEntity.properties['devicesCount'] = { type: 'string' };
    const request = readContractFile('create-user-status-request.schema.json') as object;
    const example = { ...createUserStatusRequestFactory.seed(3).build(), devicesCount: 'many' };
    const tree = matchersFromSchema(request, example, {
      readDocument: (file) =>
        file === 'device-compliance-user-status.schema.json'
          ? modifiedEntity
          : readContractFile(file),
    }) as Record<string, unknown>;
    expect(tree['devicesCount']).toEqual(MatchersV3.string('many'));
  });

  it('throws a UsageError for keywords a single example cannot stand for', () => {
    expect(() =>
      matchersFromSchema({ oneOf: [{ type: 'string' }, { type: 'integer' }] }, 'x'),
    ).toThrow(UsageError);
  });

  it('throws a UsageError naming the path when the example does not fit the types', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer' } } };
    expect(() => matchersFromSchema(schema, { n: 'one' })).toThrow(/\$\.n is a string/);
  });

  it('throws a UsageError for a property the schema does not allow', () => {
    const schema = { type: 'object', properties: {}, additionalProperties: false };
    expect(() => matchersFromSchema(schema, { extra: 1 })).toThrow(/\$\.extra/);
  });

  it('walks arrays item by item, and types unknown annotation values', () => {
    const schema = {
      type: 'object',
      properties: { list: { type: 'array', items: { type: 'integer' } } },
      patternProperties: { '@': {} },
    };
    expect(matchersFromSchema(schema, { list: [1, 2], 'x@y': 'z' })).toEqual({
      list: MatchersV3.eachLike(MatchersV3.integer(1), 1),
      'x@y': MatchersV3.like('z'),
    });
  });
});
