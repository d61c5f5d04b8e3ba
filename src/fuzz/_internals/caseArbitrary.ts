import fc from 'fast-check';
import {
  createUserStatusRequestArbitrary,
  createUserStatusRequestExamples,
} from '../../arbitraries/createUserStatusRequestArbitrary';
import {
  invalidCreateUserStatusRequestArbitrary,
  invalidCreateUserStatusRequestExamples,
} from '../../arbitraries/invalidCreateUserStatusRequestArbitrary';
import {
  malformedJsonBodyArbitrary,
  malformedJsonBodyExamples,
} from '../../arbitraries/malformedJsonBodyArbitrary';
import type { CreateUserStatusRequest } from '../../contracts/types.generated';
import type { FuzzCase, FuzzCaseKind } from './FuzzCase';

/** The scenarios, in the order a run goes through them. */
export const SCENARIOS: readonly FuzzCaseKind[] = [
  'create',
  'lifecycle',
  'invalid',
  'malformed',
  'auth',
  'unknownParent',
  'mediaType',
  'method',
];

const NON_JSON_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'text/json',
] as const;

const UNDOCUMENTED_METHODS: ReadonlyArray<{ method: string; target: 'collection' | 'item' }> = [
  { method: 'PUT', target: 'collection' },
  { method: 'PATCH', target: 'collection' },
  { method: 'DELETE', target: 'collection' },
  { method: 'PUT', target: 'item' },
  { method: 'POST', target: 'item' },
];

const marker = fc.uuid().map((uuid) => `auth-probe-${uuid}`);

/**
 * One generated auth case in fifty lists the collection afterwards (every canonical one does):
 * listings grow with the server's store, and at one in ten they took most of a default run's time.
 */
const verifyListing = fc.oneof(
  { weight: 49, arbitrary: fc.constant(false) },
  { weight: 1, arbitrary: fc.constant(true) },
);

/** The arbitrary of one scenario's cases, built on the project's arbitraries. */
export function caseArbitrary(kind: FuzzCaseKind): fc.Arbitrary<FuzzCase> {
  const body = createUserStatusRequestArbitrary();
  switch (kind) {
    case 'create':
    case 'lifecycle':
      return body.map((b): FuzzCase => ({ kind, body: b }));
    case 'invalid':
      return fc.oneof(
        {
          weight: 30,
          arbitrary: invalidCreateUserStatusRequestArbitrary().map(
            ({ body: b, violation }): FuzzCase => ({ kind, body: b, violation }),
          ),
        },
        { weight: 1, arbitrary: body.map((b): FuzzCase => emptyIdCase(b)) },
      );
    case 'malformed':
      return malformedJsonBodyArbitrary().map(({ text, label }): FuzzCase => ({
        kind,
        text,
        label,
      }));
    case 'auth':
      return fc
        .record({ body, marker, auth: authVariant, verifyListing })
        .map(({ body: b, marker: m, auth, verifyListing: v }): FuzzCase => ({
          kind,
          body: b,
          marker: m,
          verifyListing: v,
          ...auth,
        }));
    case 'unknownParent':
      return fc.record({ body, policyId: fc.uuid() }).map(({ body: b, policyId }): FuzzCase => ({
        kind,
        body: b,
        policyId: `unknown-${policyId}`,
      }));
    case 'mediaType':
      return fc
        .record({
          body,
          contentType: fc.option(fc.constantFrom(...NON_JSON_CONTENT_TYPES), { nil: undefined }),
        })
        .map(({ body: b, contentType }): FuzzCase => ({
          kind,
          body: b,
          ...(contentType === undefined ? {} : { contentType }),
        }));
    case 'method':
      return fc
        .constantFrom(...UNDOCUMENTED_METHODS)
        .map(({ method, target }): FuzzCase => ({ kind, method, target }));
  }
}

const authVariant: fc.Arbitrary<{
  variant: 'missing' | 'malformed' | 'wrong';
  authorization?: string;
}> = fc.oneof(
  fc.constant({ variant: 'missing' as const }),
  fc
    .constantFrom(
      'Bearer',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      'bearer',
      'Token abc',
      'Bearer\tabc def',
    )
    .map((authorization) => ({ variant: 'malformed' as const, authorization })),
  fc
    .string({
      minLength: 1,
      maxLength: 40,
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-._~+/'),
    })
    .map((token) => ({ variant: 'wrong' as const, authorization: `Bearer wrong-${token}` })),
);

/**
 * A valid body with an empty `id`: the contract lets a server ignore it, the toolkit's advice
 * (`listAdvisories`) is to refuse it, so accepting it is a warning.
 */
function emptyIdCase(body: CreateUserStatusRequest): FuzzCase {
  return {
    kind: 'invalid',
    body: { ...body, id: '' },
    violation: {
      path: '/id',
      rule: 'nonEmptyId',
      description: 'id is the empty string',
      advisory: true,
    },
  };
}

/** The canonical edge cases of a scenario, tried before anything random. */
export function caseExamples(kind: FuzzCaseKind): FuzzCase[] {
  const bodies: readonly CreateUserStatusRequest[] = createUserStatusRequestExamples();
  const first = bodies[0];
  switch (kind) {
    case 'create':
    case 'lifecycle':
      return bodies.map((body) => ({ kind, body }));
    case 'invalid':
      return [
        ...invalidCreateUserStatusRequestExamples().map(({ body, violation }): FuzzCase => ({
          kind,
          body,
          violation,
        })),
        ...(first ? [emptyIdCase(first)] : []),
      ];
    case 'malformed':
      return malformedJsonBodyExamples().map(({ text, label }) => ({ kind, text, label }));
    case 'auth':
      return first
        ? [
            {
              kind,
              body: first,
              marker: 'auth-probe-missing',
              variant: 'missing',
              verifyListing: true,
            },
            {
              kind,
              body: first,
              marker: 'auth-probe-malformed',
              verifyListing: true,
              variant: 'malformed',
              authorization: 'Bearer',
            },
            {
              kind,
              body: first,
              marker: 'auth-probe-wrong',
              verifyListing: true,
              variant: 'wrong',
              authorization: 'Bearer not-a-valid-token',
            },
          ]
        : [];
    case 'unknownParent':
      return first ? [{ kind, body: first, policyId: '00000000-0000-0000-0000-000000000000' }] : [];
    case 'mediaType':
      return first
        ? [
            { kind, body: first },
            { kind, body: first, contentType: 'text/plain' },
          ]
        : [];
    case 'method':
      return UNDOCUMENTED_METHODS.map(({ method, target }) => ({ kind, method, target }));
  }
}
