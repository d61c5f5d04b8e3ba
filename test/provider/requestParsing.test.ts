import { bearerTokenProblem } from '../../src/provider/bearerTokenProblem';
import { findDuplicateTopLevelKey } from '../../src/provider/findDuplicateTopLevelKey';
import { isJsonContentType } from '../../src/provider/isJsonContentType';
import { matchRoute } from '../../src/provider/matchRoute';
import { parseJsonBody } from '../../src/provider/parseJsonBody';

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
