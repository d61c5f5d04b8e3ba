import { COMPLIANCE_STATUSES } from '../../src/contracts/complianceStatuses';
import { listIssues } from '../../src/validator/listIssues';
import type { ValidationIssue } from '../../src/contracts/ValidationIssue';

const ODATA_TYPE = '#microsoft.graph.deviceComplianceUserStatus';

/** A valid create body (documented profile); each test breaks one thing. */
function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    userDisplayName: 'Adele Vance',
    devicesCount: 3,
    status: 'compliant',
    lastReportedDateTime: '2020-06-14T20:52:52.8841394Z',
    userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
    ...overrides,
  };
}

function entity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return body({ id: 'c72adc2c-dc2c-c72a-2cdc-2ac72cdc2ac7', ...overrides });
}

function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _removed, ...rest } = value;
  return rest;
}

/** The single issue a value has; fails if it has none or several. */
function onlyIssue(issues: readonly ValidationIssue[]): ValidationIssue {
  expect(issues).toHaveLength(1);
  return issues[0] as ValidationIssue;
}

const STATUS_EXPECTATION = `one of ${COMPLIANCE_STATUSES.join(', ')}`;

describe('listIssues on the request contract (documented profile)', () => {
  it('finds nothing wrong with a valid body', () => {
    expect(listIssues('request', body())).toEqual([]);
  });

  describe('wrong types', () => {
    it('rejects a number as userDisplayName, expecting a string or null', () => {
      expect(listIssues('request', body({ userDisplayName: 42 }))).toEqual([
        {
          path: '/userDisplayName',
          rule: 'type',
          message: '/userDisplayName must be a string or null, found integer 42',
          expected: 'string or null',
          actual: '42',
        },
      ]);
    });

    it('rejects a boolean as userPrincipalName', () => {
      expect(onlyIssue(listIssues('request', body({ userPrincipalName: true })))).toMatchObject({
        path: '/userPrincipalName',
        rule: 'type',
        expected: 'string or null',
        actual: 'true',
      });
    });

    it('rejects an object as userDisplayName, naming it an object', () => {
      expect(onlyIssue(listIssues('request', body({ userDisplayName: { a: 1 } })))).toMatchObject({
        path: '/userDisplayName',
        rule: 'type',
        actual: 'object',
      });
    });

    it('rejects a numeric string "3" as devicesCount', () => {
      expect(listIssues('request', body({ devicesCount: '3' }))).toEqual([
        {
          path: '/devicesCount',
          rule: 'type',
          message: '/devicesCount must be an integer, found string "3"',
          expected: 'integer',
          actual: '"3"',
        },
      ]);
    });

    it('rejects a float devicesCount', () => {
      expect(onlyIssue(listIssues('request', body({ devicesCount: 3.5 })))).toMatchObject({
        path: '/devicesCount',
        rule: 'type',
        expected: 'integer',
        actual: '3.5',
        message: '/devicesCount must be an integer, found number 3.5',
      });
    });

    it('rejects a null devicesCount (it is not nullable)', () => {
      expect(onlyIssue(listIssues('request', body({ devicesCount: null })))).toMatchObject({
        path: '/devicesCount',
        rule: 'type',
        expected: 'integer',
        actual: 'null',
      });
    });

    it('rejects a number as status, both as a type and as an enum value', () => {
      const issues = listIssues('request', body({ status: 2 }));
      expect(issues.map((i) => [i.path, i.rule])).toEqual([
        ['/status', 'type'],
        ['/status', 'enum'],
      ]);
      expect(issues[0]).toMatchObject({ expected: 'string', actual: '2' });
    });

    it('rejects epoch milliseconds as lastReportedDateTime', () => {
      expect(
        onlyIssue(listIssues('request', body({ lastReportedDateTime: 1592167972884 }))),
      ).toMatchObject({
        path: '/lastReportedDateTime',
        rule: 'type',
        expected: 'string',
        actual: '1592167972884',
      });
    });

    it('rejects a number as id', () => {
      expect(onlyIssue(listIssues('request', body({ id: 7 })))).toMatchObject({
        path: '/id',
        rule: 'type',
        expected: 'string',
        actual: '7',
      });
    });

    it('accepts an empty id, which the contract leaves to the server (Edm.String, no length facet)', () => {
      expect(listIssues('request', body({ id: '' }))).toEqual([]);
      expect(listIssues('request', body({ id: '' }), { profile: 'graph-metadata' })).toEqual([]);
    });
  });

  describe('Int32 devicesCount', () => {
    it.each([2147483647, -2147483648, 0])('accepts %d', (devicesCount) => {
      expect(listIssues('request', body({ devicesCount }))).toEqual([]);
    });

    it('rejects a devicesCount above Int32 max', () => {
      expect(listIssues('request', body({ devicesCount: 2147483648 }))).toEqual([
        {
          path: '/devicesCount',
          rule: 'maximum',
          message: '/devicesCount must be <= 2147483647 (Int32), found 2147483648',
          expected: '<= 2147483647',
          actual: '2147483648',
        },
      ]);
    });

    it('rejects a devicesCount below Int32 min', () => {
      expect(onlyIssue(listIssues('request', body({ devicesCount: -2147483649 })))).toMatchObject({
        path: '/devicesCount',
        rule: 'minimum',
        expected: '>= -2147483648',
        actual: '-2147483649',
      });
    });
  });

  describe('status', () => {
    it.each([...COMPLIANCE_STATUSES])('accepts "%s"', (status) => {
      expect(listIssues('request', body({ status }))).toEqual([]);
    });

    it('rejects "Compliant": the values are case-sensitive, and lists the allowed ones', () => {
      expect(listIssues('request', body({ status: 'Compliant' }))).toEqual([
        {
          path: '/status',
          rule: 'enum',
          message: `/status must be one of ${COMPLIANCE_STATUSES.map((s) => `"${s}"`).join(', ')} (case-sensitive), found "Compliant"`,
          expected: STATUS_EXPECTATION,
          actual: '"Compliant"',
          allowedValues: [...COMPLIANCE_STATUSES],
        },
      ]);
    });

    it('rejects "unknownFutureValue", which v1.0 does not have', () => {
      expect(
        onlyIssue(listIssues('request', body({ status: 'unknownFutureValue' }))),
      ).toMatchObject({
        path: '/status',
        rule: 'enum',
        actual: '"unknownFutureValue"',
        allowedValues: [...COMPLIANCE_STATUSES],
      });
    });
  });

  describe('lastReportedDateTime', () => {
    it.each([
      ['no offset', '2020-06-14T20:52:52.8841394'],
      ['30 February', '2024-02-30T10:00:00Z'],
      ['29 February of a common year', '2023-02-29T10:00:00Z'],
      ['31 April', '2023-04-31T10:00:00Z'],
      ['13 fractional digits', '2020-06-14T20:52:52.1234567890123Z'],
      ['a dot without digits', '2020-06-14T20:52:52.Z'],
      ['year 0000', '0000-01-01T00:00:00Z'],
      ['an extended year', '+010000-01-01T00:00:00Z'],
      ['a two-digit year', '20-06-14T20:52:52Z'],
      ['lower-case t and z', '2020-06-14t20:52:52z'],
      ['a leap second', '2016-12-31T23:59:60Z'],
      ['hour 24', '2020-06-14T24:00:00Z'],
      ['minute 60', '2020-06-14T20:60:00Z'],
      ['month 13', '2020-13-14T20:52:52Z'],
      ['day 00', '2020-06-00T20:52:52Z'],
      ['offset +24:00', '2020-06-14T20:52:52+24:00'],
      ['offset minutes 60', '2020-06-14T20:52:52+01:60'],
      ['an offset without colon', '2020-06-14T20:52:52+0800'],
      ['a space instead of T', '2020-06-14 20:52:52Z'],
      ['a date only', '2020-06-14'],
      ['trailing text', '2020-06-14T20:52:52Zx'],
      ['a trailing newline', '2020-06-14T20:52:52Z\n'],
      ['Arabic-Indic digits', '٢٠٢٠-06-14T20:52:52Z'],
      ['an empty string', ''],
    ])('rejects a date-time with %s, by format', (_case, lastReportedDateTime) => {
      const issue = onlyIssue(listIssues('request', body({ lastReportedDateTime })));
      expect(issue).toMatchObject({
        path: '/lastReportedDateTime',
        rule: 'format',
        actual: JSON.stringify(lastReportedDateTime),
      });
      expect(issue.expected).toContain('RFC 3339');
      expect(issue.message).toContain(`found ${JSON.stringify(lastReportedDateTime)}`);
    });

    it.each([
      ['29 February of a leap year', '2024-02-29T10:00:00Z'],
      ['29 February 2000 (divisible by 400)', '2000-02-29T10:00:00Z'],
      ['no fraction', '2020-06-14T20:52:52Z'],
      ['3 fractional digits', '2020-06-14T20:52:52.884Z'],
      ['12 fractional digits', '2020-06-14T20:52:52.123456789012Z'],
      ['offset -08:00', '2016-12-31T23:59:23.3984029-08:00'],
      ['offset +14:00', '2021-01-01T00:00:00+14:00'],
      ['offset -23:59', '2021-01-01T00:00:00-23:59'],
      ['year 0001', '0001-01-01T00:00:00Z'],
      ['the 9999 sentinel', '9999-12-31T23:59:59.9999999Z'],
    ])('accepts a date-time with %s', (_case, lastReportedDateTime) => {
      expect(listIssues('request', body({ lastReportedDateTime }))).toEqual([]);
    });

    it('reports a malformed date once, as format, not also as pattern', () => {
      const issues = listIssues('request', body({ lastReportedDateTime: 'String (timestamp)' }));
      expect(issues.map((i) => i.rule)).toEqual(['format']);
    });
  });

  describe('required properties', () => {
    it.each([
      'userDisplayName',
      'devicesCount',
      'status',
      'lastReportedDateTime',
      'userPrincipalName',
    ])('requires %s', (name) => {
      expect(listIssues('request', without(body(), name))).toEqual([
        {
          path: `/${name}`,
          rule: 'required',
          message: `required property "${name}" is missing`,
          expected: 'present',
          actual: 'missing',
        },
      ]);
    });

    it('reports every missing property of an empty body', () => {
      expect(listIssues('request', {}).map((i) => i.path)).toEqual([
        '/userDisplayName',
        '/devicesCount',
        '/status',
        '/lastReportedDateTime',
        '/userPrincipalName',
      ]);
    });

    it('accepts a body without id or @odata.type, and one with both', () => {
      expect(listIssues('request', body({ id: 'x_y_z', '@odata.type': ODATA_TYPE }))).toEqual([]);
    });
  });

  describe('unknown properties', () => {
    it('names an unexpected property and lists the allowed ones', () => {
      const issue = onlyIssue(listIssues('request', body({ userName: 'AdeleV' })));
      expect(issue).toMatchObject({
        path: '/userName',
        rule: 'additionalProperties',
        property: 'userName',
        actual: '"AdeleV"',
      });
      for (const allowed of ['@odata.type', 'id', 'userDisplayName', 'devicesCount', 'status']) {
        expect(issue.message).toContain(allowed);
        expect(issue.expected).toContain(allowed);
      }
      expect(issue.message).toContain('"userName"');
    });

    it('rejects @odata.context in a request: only responses carry it', () => {
      expect(
        onlyIssue(listIssues('request', body({ '@odata.context': 'https://x/$metadata' }))),
      ).toMatchObject({ path: '/@odata.context', property: '@odata.context' });
    });

    it('escapes "/" and "~" in the pointer of an unexpected property (RFC 6901)', () => {
      expect(onlyIssue(listIssues('request', body({ 'a/b~c': 1 })))).toMatchObject({
        path: '/a~1b~0c',
        property: 'a/b~c',
      });
    });

    it('reports __proto__ and constructor keys as unknown properties', () => {
      const value = JSON.parse(
        JSON.stringify(body()).replace('{', '{"__proto__":{"x":1},"constructor":"y",'),
      ) as unknown;
      expect(listIssues('request', value).map((i) => i.property)).toEqual([
        '__proto__',
        'constructor',
      ]);
    });
  });

  describe('@odata.type', () => {
    it('rejects another entity type and gives the one allowed value', () => {
      expect(
        listIssues(
          'request',
          body({ '@odata.type': '#microsoft.graph.deviceComplianceDeviceStatus' }),
        ),
      ).toEqual([
        {
          path: '/@odata.type',
          rule: 'const',
          message: `/@odata.type must be exactly "${ODATA_TYPE}", found "#microsoft.graph.deviceComplianceDeviceStatus"`,
          expected: JSON.stringify(ODATA_TYPE),
          actual: '"#microsoft.graph.deviceComplianceDeviceStatus"',
          allowedValues: [ODATA_TYPE],
        },
      ]);
    });

    it('rejects the type name without its leading "#"', () => {
      expect(
        onlyIssue(listIssues('request', body({ '@odata.type': ODATA_TYPE.slice(1) }))),
      ).toMatchObject({ rule: 'const', allowedValues: [ODATA_TYPE] });
    });
  });

  describe('non-object roots', () => {
    it.each([
      ['an array', [body()], 'array of 1'],
      [
        'a string',
        JSON.stringify(body()).slice(0, 20),
        JSON.stringify(JSON.stringify(body()).slice(0, 20)),
      ],
      ['null', null, 'null'],
      ['a number', 42, '42'],
      ['a boolean', false, 'false'],
    ])('rejects %s at the root', (_case, value, actual) => {
      expect(listIssues('request', value)).toEqual([
        expect.objectContaining({ path: '', rule: 'type', expected: 'object', actual }),
      ]);
    });

    it('says "(root)" in the message of a root issue', () => {
      expect(onlyIssue(listIssues('request', null)).message).toBe(
        '(root) must be an object, found null',
      );
    });
  });

  it('reports every issue of a body that breaks several rules, in document order', () => {
    const issues = listIssues('request', {
      '@odata.type': ODATA_TYPE,
      userDisplayName: 'String',
      devicesCount: 'Integer',
      status: 'String',
      lastReportedDateTime: 'String (timestamp)',
      userPrincipalName: 'String',
    });
    expect(issues.map((i) => `${i.path} ${i.rule}`)).toEqual([
      '/devicesCount type',
      '/status enum',
      '/lastReportedDateTime format',
    ]);
  });
});

describe('listIssues on the request contract (graph-metadata profile)', () => {
  const graphMetadata = { profile: 'graph-metadata' } as const;

  it('accepts an empty body', () => {
    expect(listIssues('request', {}, graphMetadata)).toEqual([]);
  });

  it('accepts a partial body', () => {
    expect(
      listIssues('request', { status: 'error', userDisplayName: null }, graphMetadata),
    ).toEqual([]);
  });

  it('still rejects wrong types', () => {
    expect(listIssues('request', { devicesCount: '3' }, graphMetadata)).toEqual([
      expect.objectContaining({ path: '/devicesCount', rule: 'type', actual: '"3"' }),
    ]);
  });

  it('still rejects unknown properties and bad enum values', () => {
    expect(
      listIssues('request', { status: 'Compliant', extra: 1 }, graphMetadata).map(
        (i) => `${i.path} ${i.rule}`,
      ),
    ).toEqual(['/extra additionalProperties', '/status enum']);
  });
});

describe('listIssues on the entity contract', () => {
  it('accepts an entity with @odata.type and @odata.context', () => {
    expect(
      listIssues(
        'entity',
        entity({ '@odata.type': ODATA_TYPE, '@odata.context': 'https://graph/$metadata#x' }),
      ),
    ).toEqual([]);
  });

  it('accepts any instance annotation (a key containing "@")', () => {
    expect(
      listIssues(
        'entity',
        entity({ 'foo@bar': { any: 'thing' }, '@odata.etag': 'W/"1"', 'status@odata.type': 1 }),
      ),
    ).toEqual([]);
  });

  it('rejects other unknown keys, listing annotations among the allowed ones', () => {
    const issue = onlyIssue(listIssues('entity', entity({ foo: 'bar' })));
    expect(issue).toMatchObject({ path: '/foo', rule: 'additionalProperties', property: 'foo' });
    expect(issue.message).toContain('@odata.context');
    expect(issue.message).toContain('keys containing "@"');
  });

  it('requires id', () => {
    expect(listIssues('entity', body())).toEqual([
      expect.objectContaining({ path: '/id', rule: 'required' }),
    ]);
  });

  it('requires every property a server returns, names included', () => {
    expect(listIssues('entity', without(entity(), 'userPrincipalName'))).toEqual([
      expect.objectContaining({ path: '/userPrincipalName', rule: 'required' }),
    ]);
  });

  it('rejects an empty id', () => {
    expect(listIssues('entity', entity({ id: '' }))).toEqual([
      expect.objectContaining({ path: '/id', rule: 'minLength' }),
    ]);
  });

  it('rejects an @odata.context that is not a string', () => {
    expect(listIssues('entity', entity({ '@odata.context': 1 }))).toEqual([
      expect.objectContaining({ path: '/@odata.context', rule: 'type', expected: 'string' }),
    ]);
  });

  it("accepts Graph's guid_guid_guid ids and upper-case ones", () => {
    for (const id of [
      '5c8e3b7a-1f2d-4e6a-9b0c-3d4e5f6a7b8c_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d_9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
      'C72ADC2C-DC2C-C72A-2CDC-2AC72CDC2AC7',
    ]) {
      expect(listIssues('entity', entity({ id }))).toEqual([]);
    }
  });
});

describe('listIssues on the error contract', () => {
  const envelope = {
    error: {
      code: 'BadRequest',
      message: 'Invalid property devicesCount',
      innerError: {
        date: '2021-09-02T21:52:54',
        'request-id': '0a1b2c3d-4e5f-6789-abcd-ef0123456789',
        'client-request-id': '0a1b2c3d-4e5f-6789-abcd-ef0123456789',
      },
    },
  };

  it("accepts Graph's error envelope, with a date without offset", () => {
    expect(listIssues('error', envelope)).toEqual([]);
  });

  it('accepts extra keys Graph may add inside error and innerError', () => {
    expect(
      listIssues('error', {
        error: {
          ...envelope.error,
          target: null,
          details: [],
          innerError: { ...envelope.error.innerError, 'client-request-id': 'c', extra: 1 },
        },
      }),
    ).toEqual([]);
  });

  it('rejects a missing innerError and an empty code', () => {
    const { innerError: _inner, ...withoutInner } = envelope.error;
    expect(
      listIssues('error', { error: { ...withoutInner, code: '' } }).map(
        (i) => `${i.path} ${i.rule}`,
      ),
    ).toEqual(['/error/innerError required', '/error/code minLength']);
  });

  it('rejects a missing request-id, pointing inside innerError', () => {
    const { 'request-id': _id, ...innerError } = envelope.error.innerError;
    expect(listIssues('error', { error: { ...envelope.error, innerError } })).toEqual([
      expect.objectContaining({ path: '/error/innerError/request-id', rule: 'required' }),
    ]);
  });

  it('rejects a date that is not a date', () => {
    expect(
      listIssues('error', {
        error: { ...envelope.error, innerError: { ...envelope.error.innerError, date: 'today' } },
      }),
    ).toEqual([expect.objectContaining({ path: '/error/innerError/date', rule: 'pattern' })]);
  });

  it('rejects keys beside error at the top level', () => {
    expect(listIssues('error', { ...envelope, value: [] })).toEqual([
      expect.objectContaining({ path: '/value', rule: 'additionalProperties', property: 'value' }),
    ]);
  });

  it('rejects a body without error', () => {
    expect(listIssues('error', { message: 'oops' }).map((i) => `${i.path} ${i.rule}`)).toEqual([
      '/error required',
      '/message additionalProperties',
    ]);
  });
});
