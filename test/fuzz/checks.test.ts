import type { CaseOutcome } from '../../src/fuzz/_internals/CaseOutcome';
import type { FuzzCheckContext, FuzzCheckVerdict } from '../../src/fuzz/FuzzCheck';
import { ALL_CHECKS } from '../../src/fuzz/checks/index';
import type { CheckName } from '../../src/fuzz/CheckName';
import { CHECK_NAMES } from '../../src/fuzz/CheckName';
import type { FuzzExchange, FuzzRequest } from '../../src/fuzz/_internals/FuzzExchange';
import type { FuzzCase } from '../../src/fuzz/_internals/FuzzCase';

const BODY = {
  userDisplayName: 'Ada Lovelace',
  devicesCount: 2,
  status: 'compliant' as const,
  lastReportedDateTime: '2026-01-01T10:00:00.1234567Z',
  userPrincipalName: 'ada.lovelace@contoso.onmicrosoft.com',
};
const JSON_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const POST: FuzzRequest = {
  method: 'POST',
  path: '/deviceManagement/deviceCompliancePolicies/p/userStatuses',
  headers: {},
  body: JSON.stringify(BODY),
};
const GET: FuzzRequest = { method: 'GET', path: `${POST.path}/s1`, headers: {} };

function answer(
  request: FuzzRequest,
  status: number,
  body?: unknown,
  headers: Record<string, string> = { 'content-type': JSON_TYPE },
  durationMs = 5,
): FuzzExchange {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return {
    request,
    response: { kind: 'response', status, headers, body: text, truncated: false, durationMs },
  };
}

const ENTITY = { ...BODY, id: 's1', '@odata.type': '#microsoft.graph.deviceComplianceUserStatus' };
const ERROR = (code: string) => ({
  error: {
    code,
    message: 'm',
    innerError: { date: '2026-01-01T00:00:00', 'request-id': 'r', 'client-request-id': 'r' },
  },
});

function outcome(
  fuzzCase: FuzzCase,
  main: FuzzExchange,
  extra: Partial<CaseOutcome> = {},
): CaseOutcome {
  const exchanges = [
    main,
    ...[extra.readBack, extra.deletion, extra.readAfterDelete, ...(extra.listing ?? [])].filter(
      (e): e is FuzzExchange => e !== undefined,
    ),
  ];
  return { fuzzCase, main, exchanges, ...extra };
}

function judge(name: CheckName, o: CaseOutcome, context: Partial<FuzzCheckContext> = {}) {
  const check = ALL_CHECKS.find((c) => c.name === name);
  if (!check) throw new Error(name);
  return check.judge(o, { seenIds: new Map(), ...context });
}

const create: FuzzCase = { kind: 'create', body: BODY };

function levelOf(verdict: FuzzCheckVerdict): string {
  return verdict.status === 'fail' ? verdict.rule.level : verdict.status;
}
const good = outcome(create, answer(POST, 201, ENTITY), { readBack: answer(GET, 200, ENTITY) });

describe('fuzz checks', () => {
  it('has one check per documented name', () => {
    expect(ALL_CHECKS.map((c) => c.name)).toEqual([...CHECK_NAMES]);
  });

  it('passes a correct create on every check', () => {
    for (const check of ALL_CHECKS) {
      expect([
        check.name,
        check.judge(good, { seenIds: new Map(), maxResponseTimeMs: 1000 }).status,
      ]).toEqual([check.name, 'pass']);
    }
  });

  describe('catches a broken answer', () => {
    const cases: Array<[CheckName, CaseOutcome, RegExp, Partial<FuzzCheckContext>?]> = [
      [
        'not_a_server_error',
        outcome(create, answer(POST, 500, ERROR('InternalServerError'))),
        /500/,
      ],
      [
        'not_a_server_error',
        outcome(create, {
          request: POST,
          response: {
            kind: 'failure',
            reason: 'timeout',
            message: 'no complete response within 10 ms',
            durationMs: 10,
          },
        }),
        /no answer/,
      ],
      ['status_code_conformance', outcome(create, answer(POST, 200, ENTITY)), /POST answered 200/],
      ['status_code_conformance', outcome(create, answer(POST, 302, '')), /302/],
      [
        'content_type_conformance',
        outcome(create, answer(POST, 201, ENTITY, { 'content-type': 'text/plain' })),
        /text\/plain/,
      ],
      [
        'content_type_conformance',
        outcome(create, answer(POST, 201, ENTITY, {})),
        /no Content-Type/,
      ],
      [
        'response_schema_conformance',
        outcome(create, answer(POST, 201, { ...ENTITY, devicesCount: '2' })),
        /\/devicesCount type/,
      ],
      [
        'response_schema_conformance',
        outcome(create, answer(POST, 400, { message: 'bad' })),
        /OData error schema/,
      ],
      ['response_schema_conformance', outcome(create, answer(POST, 201, 'not json')), /not JSON/],
      [
        'positive_data_acceptance',
        outcome(create, answer(POST, 400, ERROR('BadRequest'))),
        /400 BadRequest instead of 201/,
      ],
      [
        'negative_data_rejection',
        outcome(
          {
            kind: 'invalid',
            body: { ...BODY, devicesCount: 2147483648 },
            violation: { path: '/devicesCount', rule: 'maximum', description: 'Int32 overflow' },
          },
          answer(POST, 201, ENTITY),
        ),
        /\/devicesCount maximum .* answered 201 instead of 400/,
      ],
      [
        'malformed_json_rejection',
        outcome({ kind: 'malformed', text: '{', label: 'truncated' }, answer(POST, 201, ENTITY)),
        /truncated body was answered 201/,
      ],
      [
        'create_echo',
        outcome(create, answer(POST, 201, { ...ENTITY, userPrincipalName: null })),
        /does not echo userPrincipalName/,
      ],
      [
        'create_echo',
        outcome(create, answer(POST, 201, { ...ENTITY, id: '' })),
        /no server-assigned id/,
      ],
      [
        'create_echo',
        outcome(create, answer(POST, 201, ENTITY)),
        /already assigned/,
        { seenIds: new Map([['s1', 'another body']]) },
      ],
      [
        'ensure_resource_availability',
        outcome(create, answer(POST, 201, ENTITY), {
          readBack: answer(GET, 404, ERROR('ResourceNotFound')),
        }),
        /404 ResourceNotFound instead of 200/,
      ],
      [
        'ensure_resource_availability',
        outcome(create, answer(POST, 201, ENTITY), {
          readBack: answer(GET, 200, { ...ENTITY, devicesCount: 3 }),
        }),
        /differs in devicesCount/,
      ],
      [
        'ignored_auth',
        outcome(
          { kind: 'auth', body: BODY, variant: 'missing', marker: 'm1', verifyListing: false },
          answer(POST, 201, ENTITY),
        ),
        /missing bearer token was answered 201/,
      ],
      [
        'ignored_auth',
        outcome(
          {
            kind: 'auth',
            body: BODY,
            variant: 'wrong',
            authorization: 'Bearer x',
            marker: 'm1',
            verifyListing: true,
          },
          answer(POST, 401, ERROR('InvalidAuthenticationToken')),
          {
            // Found on the second page of a paged listing.
            listing: [
              answer({ ...GET, path: POST.path }, 200, {
                value: [ENTITY],
                '@odata.nextLink': `http://127.0.0.1${POST.path}?$skiptoken=1`,
              }),
              answer({ ...GET, path: `${POST.path}?$skiptoken=1` }, 200, {
                value: [{ ...ENTITY, userDisplayName: 'm1' }],
              }),
            ],
          },
        ),
        /stored anyway/,
      ],
      [
        'unknown_parent',
        outcome({ kind: 'unknownParent', body: BODY, policyId: 'nope' }, answer(POST, 201, ENTITY)),
        /unknown policy "nope" was answered 201/,
      ],
      [
        'unsupported_media_type',
        outcome(
          { kind: 'mediaType', body: BODY, contentType: 'text/plain' },
          answer(POST, 201, ENTITY),
        ),
        /text\/plain.*answered 201 instead of 415/,
      ],
      [
        'unsupported_method',
        outcome(
          { kind: 'method', method: 'PUT', target: 'collection' },
          answer({ ...POST, method: 'PUT' }, 200, ENTITY),
        ),
        /PUT on the collection was answered 200/,
      ],
      [
        'unsupported_method',
        outcome(
          { kind: 'method', method: 'PUT', target: 'collection' },
          answer({ ...POST, method: 'PUT' }, 405, ERROR('MethodNotAllowed')),
        ),
        /without an Allow header/,
      ],
      [
        'use_after_free',
        outcome({ kind: 'lifecycle', body: BODY }, answer(POST, 201, ENTITY), {
          deletion: answer({ ...GET, method: 'DELETE' }, 204),
          readAfterDelete: answer(GET, 200, ENTITY),
        }),
        /deleted status was answered 200 instead of 404/,
      ],
      [
        'max_response_time',
        outcome(create, answer(POST, 201, ENTITY, { 'content-type': JSON_TYPE }, 250)),
        /250 ms, over the 100 ms limit/,
        { maxResponseTimeMs: 100 },
      ],
    ];
    // A rest parameter: jest would take a fourth named parameter for a `done` callback.
    it.each(cases)('%s', (...[name, broken, message, context]) => {
      const verdict = judge(name, broken, context ?? {});
      expect(verdict.status).toBe('fail');
      expect(verdict.status === 'fail' && verdict.message).toMatch(message);
      // Each of these breaks the documented contract or a MUST: a failure, never only a warning.
      expect(verdict.status === 'fail' && verdict.rule.level).toBe('failure');
    });
  });

  it('compares dates as instants, so another offset for the same moment is an echo', () => {
    const shifted = { ...ENTITY, lastReportedDateTime: '2026-01-01T02:00:00.123456700-08:00' };
    expect(judge('create_echo', outcome(create, answer(POST, 201, shifted))).status).toBe('pass');
    const later = { ...ENTITY, lastReportedDateTime: '2026-01-01T10:00:00.1234568Z' };
    expect(judge('create_echo', outcome(create, answer(POST, 201, later))).status).toBe('fail');
  });

  it('lets a server accept a leading byte order mark, as RFC 8259 allows: a warning, never a failure', () => {
    const bom: FuzzCase = {
      kind: 'malformed',
      text: `\uFEFF${JSON.stringify(BODY)}`,
      label: 'byteOrderMark',
    };
    expect(
      levelOf(judge('malformed_json_rejection', outcome(bom, answer(POST, 201, ENTITY)))),
    ).toBe('warning');
    expect(
      judge('malformed_json_rejection', outcome(bom, answer(POST, 400, ERROR('BadRequest'))))
        .status,
    ).toBe('pass');
    const verdict = judge(
      'malformed_json_rejection',
      outcome(bom, answer(POST, 500, ERROR('InternalServerError'))),
    );
    expect(verdict.status === 'fail' && verdict.message).toMatch(/byteOrderMark body .* 500/);
    expect(levelOf(verdict)).toBe('failure');
  });

  describe('grades what the contract leaves open as a warning, not a failure', () => {
    const invalidCase = (path: string, rule: string, advisory?: true): FuzzCase => ({
      kind: 'invalid',
      body: { ...BODY, id: '' },
      violation: { path, rule, description: 'd', ...(advisory ? { advisory } : {}) },
    });
    const malformed = (label: string): FuzzCase => ({ kind: 'malformed', text: '{', label });
    const cases: Array<[string, CheckName, CaseOutcome, RegExp]> = [
      [
        'an empty id accepted (the service assigns the key)',
        'negative_data_rejection',
        outcome(invalidCase('/id', 'nonEmptyId', true), answer(POST, 201, ENTITY)),
        /\/id nonEmptyId .* answered 201/,
      ],
      [
        'an invalid body refused with 422 instead of 400',
        'negative_data_rejection',
        outcome(invalidCase('/devicesCount', 'maximum'), answer(POST, 422, ERROR('Unprocessable'))),
        /422 Unprocessable instead of 400/,
      ],
      [
        'a lone surrogate accepted (RFC 8259 §8.2)',
        'malformed_json_rejection',
        outcome(malformed('loneSurrogate'), answer(POST, 201, ENTITY)),
        /loneSurrogate body was accepted/,
      ],
      [
        'duplicate names accepted (RFC 8259 §4)',
        'malformed_json_rejection',
        outcome(malformed('duplicateKeys'), answer(POST, 201, ENTITY)),
        /duplicateKeys body was accepted/,
      ],
      [
        'a 5 MiB name accepted (no length limit in the contract)',
        'malformed_json_rejection',
        outcome(malformed('hugeString'), answer(POST, 201, ENTITY)),
        /hugeString body was accepted/,
      ],
      [
        'malformed JSON refused with 422',
        'malformed_json_rejection',
        outcome(malformed('truncated'), answer(POST, 422, ERROR('Unprocessable'))),
        /truncated body was answered 422/,
      ],
      [
        "a date-time echoed with Graph's 7 digits",
        'create_echo',
        outcome(
          {
            kind: 'create',
            body: { ...BODY, lastReportedDateTime: '2026-01-01T10:00:00.123456789012Z' },
          },
          answer(POST, 201, ENTITY),
        ),
        /lastReportedDateTime came back with 7 fractional digit/,
      ],
      [
        'a date-time read back in UTC with 7 digits',
        'ensure_resource_availability',
        outcome(
          {
            kind: 'create',
            body: { ...BODY, lastReportedDateTime: '2026-01-01T02:00:00.123456749-08:00' },
          },
          answer(POST, 201, ENTITY),
          { readBack: answer(GET, 200, ENTITY) },
        ),
        /7 fractional digit/,
      ],
      [
        'a bad token refused with 403 instead of 401',
        'ignored_auth',
        outcome(
          { kind: 'auth', body: BODY, variant: 'wrong', marker: 'm', verifyListing: false },
          answer(POST, 403, ERROR('Forbidden')),
        ),
        /403 Forbidden instead of 401/,
      ],
      [
        'a create without Content-Type accepted (RFC 9110 §8.3 lets a server sniff)',
        'unsupported_media_type',
        outcome({ kind: 'mediaType', body: BODY }, answer(POST, 201, ENTITY)),
        /no Content-Type was answered 201/,
      ],
      [
        'text/plain refused with 400 instead of 415',
        'unsupported_media_type',
        outcome(
          { kind: 'mediaType', body: BODY, contentType: 'text/plain' },
          answer(POST, 400, ERROR('BadRequest')),
        ),
        /400 BadRequest instead of 415/,
      ],
      [
        'an undocumented method refused with 404 instead of 405',
        'unsupported_method',
        outcome(
          { kind: 'method', method: 'PUT', target: 'collection' },
          answer({ ...POST, method: 'PUT' }, 404, ERROR('ResourceNotFound')),
        ),
        /PUT on the collection was answered 404/,
      ],
      [
        'a deleted status answered 410 Gone instead of 404',
        'use_after_free',
        outcome({ kind: 'lifecycle', body: BODY }, answer(POST, 201, ENTITY), {
          deletion: answer({ ...GET, method: 'DELETE' }, 204),
          readAfterDelete: answer(GET, 410, ERROR('Gone')),
        }),
        /410 Gone instead of 404/,
      ],
      [
        'an answer too large to read',
        'response_schema_conformance',
        outcome(create, {
          request: POST,
          response: {
            kind: 'response',
            status: 201,
            headers: { 'content-type': JSON_TYPE },
            body: 'a'.repeat(64),
            truncated: true,
            durationMs: 1,
          },
        }),
        /over the reading limit/,
      ],
    ];
    it.each(cases)('%s', (_label, name, o, message) => {
      const verdict = judge(name, o);
      expect(verdict.status === 'fail' && verdict.message).toMatch(message);
      expect(levelOf(verdict)).toBe('warning');
    });

    it('passes an empty id refused with 400, and fails an offset dropped without converting', () => {
      expect(
        judge(
          'negative_data_rejection',
          outcome(invalidCase('/id', 'nonEmptyId', true), answer(POST, 400, ERROR('BadRequest'))),
        ).status,
      ).toBe('pass');
      const local = { ...BODY, lastReportedDateTime: '2026-01-01T02:00:00.1234567-08:00' };
      const dropped = { ...ENTITY, lastReportedDateTime: '2026-01-01T02:00:00.1234567Z' };
      const verdict = judge(
        'create_echo',
        outcome({ kind: 'create', body: local }, answer(POST, 201, dropped)),
      );
      expect(verdict.status === 'fail' && verdict.message).toMatch(
        /does not echo lastReportedDateTime/,
      );
      expect(levelOf(verdict)).toBe('failure');
    });
  });

  it('names a source for every rule, and gives each rule of a check its own id', () => {
    for (const check of ALL_CHECKS) {
      expect(check.rules.length).toBeGreaterThan(0);
      expect(new Set(check.rules.map((r) => r.id)).size).toBe(check.rules.length);
      for (const rule of check.rules) {
        expect(['contract', 'standard', 'advice', 'option']).toContain(rule.source.kind);
        expect(rule.source.ref.length).toBeGreaterThan(5);
        expect(rule.demands.length).toBeGreaterThan(5);
      }
    }
  });

  it('skips ensure_resource_availability when the server has no GET by id', () => {
    const verdict = judge(
      'ensure_resource_availability',
      outcome(create, answer(POST, 201, ENTITY), {
        readBack: answer(GET, 405, '', { allow: 'POST' }),
      }),
    );
    expect(verdict).toEqual({ status: 'skip', note: expect.stringMatching(/no GET by id/) });
  });
});

describe('the checks speak library', () => {
  it('name option fields, never a command-line flag, in their descriptions and rules', () => {
    const texts = ALL_CHECKS.flatMap((check) => [
      check.description,
      ...check.rules.flatMap((rule) => [rule.source.ref, rule.demands]),
    ]);
    expect(texts.filter((text) => /(^|\s|\()--[a-z]/.test(text))).toEqual([]);
    expect(texts).toEqual(
      expect.arrayContaining([
        'maxResponseTimeMs (your limit)',
        'every request gets a complete answer within requestTimeoutMs',
      ]),
    );
  });
});
