import { bearerTokenProblem } from '../../src/provider/_internals/bearerTokenProblem';
import { findDuplicateTopLevelKey } from '../../src/provider/_internals/findDuplicateTopLevelKey';
import { isJsonContentType } from '../../src/provider/_internals/isJsonContentType';
import { matchRoute } from '../../src/provider/matchRoute';
import { nextPageLink } from '../../src/provider/_internals/nextPageLink';
import { parseJsonBody } from '../../src/provider/_internals/parseJsonBody';
import { parseListQuery } from '../../src/provider/_internals/parseListQuery';
import { requestOrigin } from '../../src/provider/_internals/requestOrigin';

describe('matchRoute', () => {
  it('matches the collection and items with or without a version prefix, in any case', () => {
    expect(matchRoute('/v1.0/deviceManagement/deviceCompliancePolicies/p/userStatuses')).toEqual({
      kind: 'collection',
      version: 'v1.0',
      policyId: 'p',
      statusId: '',
    });
    expect(
      matchRoute('/DEVICEMANAGEMENT/devicecompliancepolicies/p/USERSTATUSES/s?$select=id'),
    ).toEqual({
      kind: 'item',
      version: undefined,
      policyId: 'p',
      statusId: 's',
    });
    expect(
      matchRoute('/beta/deviceManagement/deviceCompliancePolicies/a%2Fb/userStatuses/'),
    ).toMatchObject({
      kind: 'collection',
      version: 'beta',
      policyId: 'a/b',
    });
  });

  it('refuses other paths and malformed encodings', () => {
    for (const path of [
      '/',
      'deviceManagement/deviceCompliancePolicies/p/userStatuses',
      '/v2.0/deviceManagement/deviceCompliancePolicies/p/userStatuses',
      '/deviceManagement/deviceCompliancePolicies//userStatuses',
      '/deviceManagement/deviceCompliancePolicies/p/userStatuses/s/extra',
      '/deviceManagement/deviceConfigurations/p/userStatuses',
    ]) {
      expect({ path, kind: matchRoute(path).kind }).toEqual({ path, kind: 'unknown' });
    }
    expect(matchRoute('/deviceManagement/deviceCompliancePolicies/%zz/userStatuses').kind).toBe(
      'badEncoding',
    );
  });
});

describe('isJsonContentType', () => {
  it('accepts application/json with parameters, in any case, and a UTF-8 charset only', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('APPLICATION/JSON ; Charset=UTF-8')).toBe(true);
    expect(
      isJsonContentType('application/json;odata.metadata=minimal;IEEE754Compatible=false'),
    ).toBe(true);
    expect(isJsonContentType(undefined)).toBe(false);
    expect(isJsonContentType('')).toBe(false);
    expect(isJsonContentType('application/jsonx')).toBe(false);
    expect(isJsonContentType('application/json; charset=utf-16')).toBe(false);
    expect(isJsonContentType('text/json')).toBe(false);
  });
});

describe('bearerTokenProblem', () => {
  const tokens = new Set(['local-dev-token']);

  it('accepts an accepted bearer token and says what is wrong otherwise', () => {
    expect(bearerTokenProblem('Bearer local-dev-token', tokens)).toBeUndefined();
    expect(bearerTokenProblem('BEARER   local-dev-token ', tokens)).toBeUndefined();
    expect(bearerTokenProblem(undefined, tokens)).toMatch(/empty/);
    expect(bearerTokenProblem('Basic x', tokens)).toMatch(/not a bearer/);
    expect(bearerTokenProblem('Bearer a b', tokens)).toMatch(/not a bearer/);
    expect(bearerTokenProblem('Bearer other', tokens)).toMatch(/validation failure/);
  });
});

describe('findDuplicateTopLevelKey', () => {
  const duplicateIn = (text: string): string | undefined =>
    findDuplicateTopLevelKey(text, Object.keys(JSON.parse(text) as object).length);

  it('finds a property named twice at the top level, escaped spellings included', () => {
    expect(duplicateIn('{"a":1,"b":2,"a":3}')).toBe('a');
    expect(duplicateIn('{"status":1,"st\\u0061tus":2}')).toBe('status');
    expect(duplicateIn('{"__proto__":1,"__proto__":2}')).toBe('__proto__');
  });

  it('ignores repeated names in nested values and strings', () => {
    expect(duplicateIn('{"a":"\\"a\\"","b":{"a":1,"a":2},"c":["a","a"]}')).toBeUndefined();
    expect(duplicateIn('{"a":{"b":{}},"b":[{"a":1}]}')).toBeUndefined();
    expect(duplicateIn('{ "x" : "a,\\"x\\":" , "y":0 }')).toBeUndefined();
    expect(duplicateIn('{}')).toBeUndefined();
  });
});

describe('parseJsonBody', () => {
  it('parses JSON and explains what is wrong with anything else, never throwing', () => {
    expect(parseJsonBody(Buffer.from('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
    for (const [bytes, reason] of [
      [Buffer.from([0x7b, 0xff, 0x7d]), 'UTF-8'],
      [Buffer.from('\uFEFF{}'), 'byte order mark'],
      [Buffer.from(''), 'empty'],
      [Buffer.from('{"a":}'), 'not valid JSON'],
      [Buffer.from('{"a":1,"a":2}'), 'more than once'],
    ] as const) {
      const parsed = parseJsonBody(bytes);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain(reason);
    }
  });
});

describe('parseListQuery', () => {
  it('reads $top and $skiptoken in any case, percent-decoded, ignoring other options', () => {
    expect(parseListQuery('/c')).toEqual({ ok: true, top: undefined, after: undefined });
    expect(parseListQuery('/c?$select=id&$top=5')).toEqual({ ok: true, top: 5, after: undefined });
    expect(parseListQuery('/c?%24TOP=1000&$SkipToken=42')).toEqual({
      ok: true,
      top: 1000,
      after: 42,
    });
  });

  it('refuses a $top out of 1..1000 or not an integer, a token it did not issue, and repeats', () => {
    for (const query of ['$top=0', '$top=1001', '$top=+5', '$top=0x10', '$top=5&$TOP=5']) {
      expect(parseListQuery(`/c?${query}`)).toEqual({
        ok: false,
        message: expect.stringContaining('$top') as string,
      });
    }
    for (const query of [
      '$skiptoken=a',
      '$skiptoken=1234567890123456',
      '$skiptoken=1&$skiptoken=2',
    ]) {
      expect(parseListQuery(`/c?${query}`)).toEqual({
        ok: false,
        message: expect.stringContaining('$skiptoken') as string,
      });
    }
  });
});

describe('requestOrigin and nextPageLink', () => {
  const socket = { destroy: () => undefined };
  const on = () => undefined;

  it('takes the fetch origin, else the Host header (https over TLS), else http://localhost', () => {
    expect(requestOrigin({ headers: {}, origin: 'https://graph.microsoft.com', socket, on })).toBe(
      'https://graph.microsoft.com',
    );
    expect(requestOrigin({ headers: { host: '127.0.0.1:4010' }, socket, on })).toBe(
      'http://127.0.0.1:4010',
    );
    expect(
      requestOrigin({
        headers: { host: '[::1]:8443' },
        socket: { ...socket, encrypted: true },
        on,
      }),
    ).toBe('https://[::1]:8443');
    for (const host of [undefined, '', 'a b', 'evil.example/path', 'x:port', 'a@b']) {
      expect(requestOrigin({ headers: host === undefined ? {} : { host }, socket, on })).toBe(
        'http://localhost',
      );
    }
  });

  it('links to the same collection, with the version, the $top sent and the token', () => {
    expect(nextPageLink('http://h:1', { version: 'v1.0', policyId: 'p/1' }, 5, 9)).toBe(
      'http://h:1/v1.0/deviceManagement/deviceCompliancePolicies/p%2F1/userStatuses?$top=5&$skiptoken=9',
    );
    expect(nextPageLink('http://h:1', { version: undefined, policyId: 'p' }, undefined, 0)).toBe(
      'http://h:1/deviceManagement/deviceCompliancePolicies/p/userStatuses?$skiptoken=0',
    );
  });
});
