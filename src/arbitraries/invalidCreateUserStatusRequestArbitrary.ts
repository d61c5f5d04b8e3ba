import fc from 'fast-check';
import { COMPLIANCE_STATUSES, USER_STATUS_ODATA_TYPE } from '../contracts/complianceStatuses';
import {
  REQUEST_PROPERTIES,
  REQUEST_PROPERTY_TYPES,
  REQUIRED_REQUEST_PROPERTIES,
  type RequestProperty,
} from '../contracts/requestProperties';
import { SAMPLE_CREATE_REQUEST } from '../contracts/sampleCreateRequest';
import { describeValue } from '../validator/describeValue';
import { appendToPointer } from '../validator/jsonPointer';
import { createUserStatusRequestArbitrary } from './createUserStatusRequestArbitrary';
import { int32Arbitrary } from './int32Arbitrary';
import {
  MALFORMED_DATE_TIME_EDGE_CASES,
  malformedDateTimeArbitrary,
} from './malformedDateTimeArbitrary';
import { INT32_MAX, INT32_MIN } from './int32Bounds';
import type {
  InvalidCreateUserStatusRequest,
  RequestMutation,
} from './InvalidCreateUserStatusRequest';

/** Options of `invalidCreateUserStatusRequestArbitrary` and `invalidCreateUserStatusRequestExamples`. */
export interface InvalidCreateUserStatusRequestArbitraryOptions {
  /** Only these classes of mutation. @defaultValue every class */
  readonly mutations?: readonly RequestMutation[];
}

/** Every mutation class `invalidCreateUserStatusRequestArbitrary` knows. */
export const REQUEST_MUTATIONS: readonly RequestMutation[] = Object.freeze([
  'wrongType',
  'nullForNonNullable',
  'int32Overflow',
  'float',
  'numericString',
  'enumCasing',
  'unknownEnumValue',
  'malformedDate',
  'missingRequired',
  'unknownProperty',
  'protoKey',
  'wrongODataType',
  'nonObjectBody',
]);

/** A valid body to break (never mutated). */
type Body = object;

/** One labelled way to break a valid body; `apply` returns a new value and never mutates `base`. */
interface Change {
  readonly apply: (base: Body) => unknown;
  readonly path: string;
  readonly rule: string;
  readonly description: string;
}

const REQUIRED = REQUIRED_REQUEST_PROPERTIES;
const ALLOWED_PROPERTIES = new Set<string>(REQUEST_PROPERTIES);
const LOWER_CASE_STATUSES = new Set(COMPLIANCE_STATUSES.map((status) => status.toLowerCase()));

/**
 * Create bodies that break the contract, each in one labelled way: `{ body, violation }`, where
 * `listIssues('request', body)` reports issues only at `violation.path`, one of them with rule
 * `violation.rule`. Every class of mistake is covered: a wrong JSON type per field, `null` where
 * the contract forbids it, Int32 overflow, floats, numeric strings, enum casing and unknown values,
 * malformed dates, a missing required property, an unknown property, a `__proto__` key, a wrong `@odata.type`, an
 * empty id, and bodies that are not objects.
 *
 * Each mutation is built so that every shrink of it still breaks the contract the same way (an
 * overflow shrinks toward 2147483648, never into range), so a shrunk counterexample keeps its label.
 * @example
 * fc.assert(fc.property(invalidCreateUserStatusRequestArbitrary(), ({ body, violation }) => ...), {
 *   examples: asPropertyExamples(invalidCreateUserStatusRequestExamples()),
 * });
 */
export function invalidCreateUserStatusRequestArbitrary(
  options: InvalidCreateUserStatusRequestArbitraryOptions = {},
): fc.Arbitrary<InvalidCreateUserStatusRequest> {
  const changes = selectMutations(options).map((mutation) =>
    CHANGES[mutation]().map((change) => ({ mutation, change })),
  );
  return fc
    .tuple(createUserStatusRequestArbitrary(), fc.oneof(...changes))
    .map(([base, { mutation, change }]) => labelled(base, mutation, change));
}

/**
 * The canonical invalid bodies (at least one per mutation class, on a realistic base), to be tried
 * before random ones.
 */
export function invalidCreateUserStatusRequestExamples(
  options: InvalidCreateUserStatusRequestArbitraryOptions = {},
): InvalidCreateUserStatusRequest[] {
  const base: Body = { ...SAMPLE_CREATE_REQUEST };
  return selectMutations(options).flatMap((mutation) =>
    EXAMPLE_CHANGES[mutation].map((change) => labelled(base, mutation, change)),
  );
}

function selectMutations(
  options: InvalidCreateUserStatusRequestArbitraryOptions,
): readonly RequestMutation[] {
  const selected = options.mutations ?? REQUEST_MUTATIONS;
  if (selected.length === 0) throw new RangeError('mutations must name at least one class');
  return selected;
}

function labelled(
  base: Body,
  mutation: RequestMutation,
  change: Change,
): InvalidCreateUserStatusRequest {
  return {
    body: change.apply(base),
    violation: { path: change.path, rule: change.rule, mutation, description: change.description },
  };
}

// ----- building blocks -------------------------------------------------------------------------

function setProperty(property: string, value: unknown, rule: string, description: string): Change {
  return {
    apply: (base) => ({ ...base, [property]: value }),
    path: appendToPointer('', property),
    rule,
    description,
  };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const jsonObject = fc.dictionary(
  fc.string({ maxLength: 8 }).filter((key) => key !== '__proto__'),
  fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.boolean()),
  { maxKeys: 3, noNullPrototype: true },
);
const jsonArray = fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxLength: 3 });

/** JSON values of every type but string and null. */
const notStringOrNull = fc.oneof(fc.integer(), fc.boolean(), jsonObject, jsonArray);

/** Per JSON type the schema allows: values of another type (null is its own class). */
const WRONG_TYPES_BY_ALLOWED: Readonly<
  Record<string, { expected: string; values: fc.Arbitrary<unknown> }>
> = {
  'string,null': { expected: 'a string or null', values: notStringOrNull },
  string: { expected: 'a string', values: notStringOrNull },
  integer: {
    expected: 'an integer',
    values: fc.oneof(
      fc.boolean(),
      jsonObject,
      jsonArray,
      // Non-numeric strings; numeric ones are the `numericString` class. "Integer" is what the
      // documentation's example body sends.
      fc.constantFrom('Integer', 'many', '', 'one'),
    ),
  },
};

/** Types of a property as a key of `WRONG_TYPES_BY_ALLOWED` (`[]`, a `const`, has none). */
const allowedKey = (property: RequestProperty): string =>
  REQUEST_PROPERTY_TYPES[property].join(',');

/**
 * Per property of the schema that has a JSON type: values of a type the contract forbids there,
 * grouped by the types allowed (names, then strings, then integers), in schema order within a group.
 */
const WRONG_TYPES: ReadonlyArray<
  readonly [RequestProperty, { expected: string; values: fc.Arbitrary<unknown> }]
> = Object.entries(WRONG_TYPES_BY_ALLOWED).flatMap(([allowed, wrong]) =>
  REQUEST_PROPERTIES.filter((property) => allowedKey(property) === allowed).map(
    (property) => [property, wrong] as const,
  ),
);
for (const property of REQUEST_PROPERTIES) {
  if (allowedKey(property) !== '' && !(allowedKey(property) in WRONG_TYPES_BY_ALLOWED)) {
    throw new Error(`no wrong-type values for ${property}, typed ${allowedKey(property)}`);
  }
}

function wrongType(): fc.Arbitrary<Change> {
  return fc.oneof(
    ...WRONG_TYPES.map(([property, { expected, values }]) =>
      values.map((value) =>
        setProperty(
          property,
          value,
          'type',
          `${property} is ${kindOf(value)} (${describeValue(value)}), not ${expected}`,
        ),
      ),
    ),
  );
}

/** The typed properties that may not be null: the required ones first, as the schema lists them. */
const NON_NULLABLE: readonly RequestProperty[] = [
  ...REQUIRED,
  ...REQUEST_PROPERTIES.filter((property) => !REQUIRED.includes(property)),
].filter((property) => {
  const types = REQUEST_PROPERTY_TYPES[property];
  return types.length > 0 && !types.includes('null');
});

function nullForNonNullable(): fc.Arbitrary<Change> {
  return fc
    .constantFrom(...NON_NULLABLE)
    .map((property) =>
      setProperty(property, null, 'type', `${property} is null, which only the names may be`),
    );
}

function int32Overflow(): fc.Arbitrary<Change> {
  // Cross-shrinking lets a rare constant (2^53, 1e20) shrink to the plain range's first value.
  const above = fc.oneof(
    { withCrossShrink: true },
    fc.integer({ min: INT32_MAX + 1, max: Number.MAX_SAFE_INTEGER }),
    fc.constantFrom(2 ** 53, 1e20),
  );
  const below = fc.oneof(
    { withCrossShrink: true },
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: INT32_MIN - 1 }),
    fc.constantFrom(-(2 ** 53), -1e20),
  );
  return fc.oneof(
    above.map((value) =>
      setProperty(
        'devicesCount',
        value,
        'maximum',
        `devicesCount ${value} is above Int32's 2147483647`,
      ),
    ),
    below.map((value) =>
      setProperty(
        'devicesCount',
        value,
        'minimum',
        `devicesCount ${value} is below Int32's -2147483648`,
      ),
    ),
  );
}

function float(): fc.Arbitrary<Change> {
  // Inside the Int32 range, so the only problem is the fraction.
  return fc
    .double({ min: INT32_MIN, max: INT32_MAX, noNaN: true, noInteger: true })
    .map((value) =>
      setProperty(
        'devicesCount',
        value,
        'type',
        `devicesCount ${value} has a fraction; Int32 is whole`,
      ),
    );
}

function numericString(): fc.Arbitrary<Change> {
  return fc
    .oneof(
      int32Arbitrary().map(String),
      fc.constantFrom('1e3', ' 3', '0x1F', '+1', '3.0', '\u0663'),
    )
    .map((value) =>
      setProperty(
        'devicesCount',
        value,
        'type',
        `devicesCount is the string ${JSON.stringify(value)}, not a JSON number`,
      ),
    );
}

const WRONG_CASINGS: readonly string[] = COMPLIANCE_STATUSES.flatMap((status) => [
  status.toUpperCase(),
  status.toLowerCase(),
  `${status.charAt(0).toUpperCase()}${status.slice(1)}`,
  [...status].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
]).filter((casing, index, all) => all.indexOf(casing) === index && !isStatus(casing));

function isStatus(value: string): boolean {
  return (COMPLIANCE_STATUSES as readonly string[]).includes(value);
}

function enumCasing(): fc.Arbitrary<Change> {
  return fc
    .constantFrom(...WRONG_CASINGS)
    .map((value) =>
      setProperty(
        'status',
        value,
        'enum',
        `status ${JSON.stringify(value)} differs from a valid value only in case; the enum is case-sensitive`,
      ),
    );
}

function unknownEnumValue(): fc.Arbitrary<Change> {
  const known = fc.constantFrom(
    'unknownFutureValue',
    'pending',
    'inGracePeriod',
    'notEvaluated',
    'compliant ',
    ' compliant',
    '',
    'non-compliant',
    'non_compliant',
    'String',
  );
  const any = fc
    .string({ maxLength: 20 })
    .filter((value) => !LOWER_CASE_STATUSES.has(value.toLowerCase()));
  return fc
    .oneof(known, any)
    .map((value) =>
      setProperty(
        'status',
        value,
        'enum',
        `status ${JSON.stringify(value)} is not a complianceStatus value`,
      ),
    );
}

function malformedDate(): fc.Arbitrary<Change> {
  return malformedDateTimeArbitrary().map(({ value, problem }) =>
    setProperty(
      'lastReportedDateTime',
      value,
      'format',
      `lastReportedDateTime ${JSON.stringify(value)} ${problem}`,
    ),
  );
}

function removeProperty(property: string): Change {
  return {
    apply: (base) => {
      const rest: Record<string, unknown> = { ...base };
      delete rest[property];
      return rest;
    },
    path: appendToPointer('', property),
    rule: 'required',
    description: `the required property ${property} is missing`,
  };
}

function missingRequired(): fc.Arbitrary<Change> {
  return fc.constantFrom(...REQUIRED).map(removeProperty);
}

function unknownProperty(): fc.Arbitrary<Change> {
  const realistic = fc.constantFrom(
    'UserDisplayName',
    'devicescount',
    'Status',
    'ID',
    'displayName',
    'email',
    'userId',
    'deviceCompliancePolicyId',
    '@odata.context',
    '@odata.etag',
    'status@odata.type',
    'constructor',
    '',
  );
  const any = fc
    .string({ maxLength: 20 })
    .filter((name) => !ALLOWED_PROPERTIES.has(name) && name !== '__proto__');
  const value = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  return fc
    .tuple(fc.oneof(realistic, any), value)
    .map(([name, extra]) =>
      setProperty(
        name,
        extra,
        'additionalProperties',
        `the body has the unknown property ${JSON.stringify(name)}; the contract allows no other`,
      ),
    );
}

/** An own `__proto__` property, as `JSON.parse` creates it (an assignment would set the prototype). */
function withProtoKey(value: unknown): Change {
  return {
    apply: (base) => {
      const body = { ...base };
      Object.defineProperty(body, '__proto__', {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return body;
    },
    path: '/__proto__',
    rule: 'additionalProperties',
    description: `the body has a "__proto__" property (${describeValue(value)}), a prototype-pollution attempt`,
  };
}

function protoKey(): fc.Arbitrary<Change> {
  return fc.oneof(jsonObject, fc.constant(null), fc.integer()).map(withProtoKey);
}

function wrongODataType(): fc.Arbitrary<Change> {
  const near = fc.constantFrom(
    '#microsoft.graph.devicecomplianceuserstatus',
    'microsoft.graph.deviceComplianceUserStatus',
    '#microsoft.graph.deviceComplianceDeviceStatus',
    '#microsoft.graph.user',
    '#Microsoft.Graph.DeviceComplianceUserStatus',
    `${USER_STATUS_ODATA_TYPE} `,
    '',
  );
  const any = fc.string({ maxLength: 30 }).filter((value) => value !== USER_STATUS_ODATA_TYPE);
  const notString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), jsonObject);
  return fc
    .oneof(near, any, notString)
    .map((value) =>
      setProperty(
        '@odata.type',
        value,
        'const',
        `@odata.type is ${describeValue(value)}, not "${USER_STATUS_ODATA_TYPE}"`,
      ),
    );
}

function replaceBody(make: (base: Body) => unknown, description: string): Change {
  return { apply: make, path: '', rule: 'type', description };
}

function nonObjectBody(): fc.Arbitrary<Change> {
  return fc.oneof(
    fc.constant(replaceBody(() => null, 'the body is null, not an object')),
    fc.constant(replaceBody((base) => [base], 'the body is an array holding a valid body')),
    fc.constant(
      replaceBody(
        (base) => JSON.stringify(base),
        'the body is a valid body encoded twice (a JSON string)',
      ),
    ),
    fc
      .oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 12 }), jsonArray)
      .map((value) =>
        replaceBody(
          () => value,
          `the body is ${kindOf(value)} (${describeValue(value)}), not an object`,
        ),
      ),
  );
}

const CHANGES: Readonly<Record<RequestMutation, () => fc.Arbitrary<Change>>> = {
  wrongType,
  nullForNonNullable,
  int32Overflow,
  float,
  numericString,
  enumCasing,
  unknownEnumValue,
  malformedDate,
  missingRequired,
  unknownProperty,
  protoKey,
  wrongODataType,
  nonObjectBody,
};

const EXAMPLE_CHANGES: Readonly<Record<RequestMutation, readonly Change[]>> = {
  wrongType: [
    setProperty(
      'userDisplayName',
      42,
      'type',
      'userDisplayName is a number (42), not a string or null',
    ),
    setProperty(
      'userPrincipalName',
      ['a@b'],
      'type',
      'userPrincipalName is an array, not a string or null',
    ),
    setProperty(
      'devicesCount',
      'Integer',
      'type',
      'devicesCount is the placeholder string "Integer"',
    ),
    setProperty('devicesCount', true, 'type', 'devicesCount is a boolean, not an integer'),
    setProperty('status', 2, 'type', 'status is a number (2), not a string'),
    setProperty(
      'lastReportedDateTime',
      1592167972000,
      'type',
      'lastReportedDateTime is epoch milliseconds, not a string',
    ),
    setProperty('id', 7, 'type', 'id is a number (7), not a string'),
  ],
  nullForNonNullable: NON_NULLABLE.map((property) =>
    setProperty(property, null, 'type', `${property} is null, which only the names may be`),
  ),
  int32Overflow: [
    setProperty(
      'devicesCount',
      INT32_MAX + 1,
      'maximum',
      'devicesCount 2147483648 is Int32 max + 1',
    ),
    setProperty(
      'devicesCount',
      INT32_MIN - 1,
      'minimum',
      'devicesCount -2147483649 is Int32 min - 1',
    ),
    setProperty('devicesCount', 1e20, 'maximum', 'devicesCount 1e20 is far beyond Int32'),
  ],
  float: [
    setProperty('devicesCount', 1.5, 'type', 'devicesCount 1.5 has a fraction'),
    setProperty('devicesCount', -0.1, 'type', 'devicesCount -0.1 has a fraction'),
  ],
  numericString: [
    setProperty('devicesCount', '3', 'type', 'devicesCount is the string "3"'),
    setProperty('devicesCount', '2147483648', 'type', 'devicesCount is the string "2147483648"'),
  ],
  enumCasing: [
    setProperty('status', 'Compliant', 'enum', 'status "Compliant" has a capital C'),
    setProperty('status', 'noncompliant', 'enum', 'status "noncompliant" is all lower case'),
    setProperty('status', 'NOTASSIGNED', 'enum', 'status "NOTASSIGNED" is all upper case'),
  ],
  unknownEnumValue: [
    setProperty(
      'status',
      'unknownFutureValue',
      'enum',
      'status "unknownFutureValue" exists only in beta',
    ),
    setProperty('status', 'String', 'enum', 'status is the documentation\'s placeholder "String"'),
    setProperty('status', '', 'enum', 'status is the empty string'),
  ],
  malformedDate: MALFORMED_DATE_TIME_EDGE_CASES.map(({ value, problem }) =>
    setProperty(
      'lastReportedDateTime',
      value,
      'format',
      `lastReportedDateTime ${JSON.stringify(value)} ${problem}`,
    ),
  ),
  missingRequired: REQUIRED.map(removeProperty),
  unknownProperty: [
    setProperty(
      'UserDisplayName',
      SAMPLE_CREATE_REQUEST.userDisplayName,
      'additionalProperties',
      'the property name has the wrong case',
    ),
    setProperty(
      '@odata.context',
      'https://graph.microsoft.com/v1.0/$metadata#x',
      'additionalProperties',
      'a request may not carry @odata.context',
    ),
    setProperty('extra', true, 'additionalProperties', 'the body has an unknown property "extra"'),
  ],
  protoKey: [withProtoKey({ devicesCount: 1 }), withProtoKey({ isAdmin: true })],
  wrongODataType: [
    setProperty(
      '@odata.type',
      '#microsoft.graph.devicecomplianceuserstatus',
      'const',
      '@odata.type in the wrong case',
    ),
    setProperty(
      '@odata.type',
      'microsoft.graph.deviceComplianceUserStatus',
      'const',
      '@odata.type without the leading #',
    ),
    setProperty('@odata.type', null, 'const', '@odata.type is null'),
  ],
  nonObjectBody: [
    replaceBody(() => null, 'the body is null'),
    replaceBody((base) => [base], 'the body is an array holding a valid body'),
    replaceBody((base) => JSON.stringify(base), 'the body is a valid body encoded twice'),
    replaceBody(() => 42, 'the body is a number'),
    replaceBody(() => 'compliant', 'the body is a string'),
    replaceBody(() => true, 'the body is a boolean'),
  ],
};
