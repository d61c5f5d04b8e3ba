import type { ErrorObject } from 'ajv';
import { describeValue } from './describeValue';
import { appendToPointer } from './jsonPointer';
import type { ValidationIssue } from '../contracts/ValidationIssue';

const DATE_TIME_EXPECTATION =
  'an RFC 3339 date-time with Z or a ±hh:mm offset, 0-12 fractional digits, years 0001-9999 and a real calendar day (e.g. 2020-06-14T20:52:52.8841394Z)';

/**
 * Turns Ajv's errors (from a validator compiled with `allErrors` and `verbose`) into pinpointed
 * issues. A failed `pattern` beside a failed `format` at the same path is one problem, reported once
 * as `format`.
 */
export function toValidationIssues(errors: readonly ErrorObject[]): ValidationIssue[] {
  const formatPaths = new Set(
    errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath),
  );
  const issues: ValidationIssue[] = [];
  for (const error of errors) {
    if (error.keyword === 'pattern' && formatPaths.has(error.instancePath)) continue;
    issues.push(toIssue(error));
  }
  return issues;
}

function toIssue(error: ErrorObject): ValidationIssue {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const actual = describeValue(error.data);
  const at = path || '(root)';
  switch (error.keyword) {
    case 'required': {
      const name = String(params['missingProperty']);
      return {
        path: appendToPointer(path, name),
        rule: 'required',
        message: `required property "${name}" is missing`,
        expected: 'present',
        actual: 'missing',
      };
    }
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const allowed = allowedProperties(error.parentSchema);
      const value = (error.data as Record<string, unknown>)[name];
      return {
        path: appendToPointer(path, name),
        rule: 'additionalProperties',
        message: `unexpected property "${name}"; allowed properties are ${allowed.join(', ')}`,
        expected: `one of the properties ${allowed.join(', ')}`,
        actual: describeValue(value),
        property: name,
      };
    }
    case 'type': {
      const type = params['type'];
      const expected = Array.isArray(type) ? type.join(' or ') : String(type);
      return {
        path,
        rule: 'type',
        message: `${at} must be ${withArticle(expected)}, found ${foundType(error.data, actual)}`,
        expected,
        actual,
      };
    }
    case 'enum': {
      const allowedValues = params['allowedValues'] as unknown[];
      return {
        path,
        rule: 'enum',
        message: `${at} must be one of ${allowedValues.map((v) => JSON.stringify(v)).join(', ')} (case-sensitive), found ${actual}`,
        expected: `one of ${allowedValues.map(String).join(', ')}`,
        actual,
        allowedValues,
      };
    }
    case 'const': {
      const allowedValue = params['allowedValue'];
      return {
        path,
        rule: 'const',
        message: `${at} must be exactly ${JSON.stringify(allowedValue)}, found ${actual}`,
        expected: JSON.stringify(allowedValue),
        actual,
        allowedValues: [allowedValue],
      };
    }
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum': {
      const expected = `${String(params['comparison'])} ${String(params['limit'])}`;
      return {
        path,
        rule: error.keyword,
        message: `${at} must be ${expected} (Int32), found ${actual}`,
        expected,
        actual,
      };
    }
    case 'format':
      return {
        path,
        rule: 'format',
        message: `${at} must be ${DATE_TIME_EXPECTATION}, found ${actual}`,
        expected:
          params['format'] === 'date-time' ? DATE_TIME_EXPECTATION : String(params['format']),
        actual,
      };
    case 'minLength':
      return {
        path,
        rule: 'minLength',
        message: `${at} must not be empty`,
        expected: `at least ${String(params['limit'])} character(s)`,
        actual,
      };
    default:
      return {
        path,
        rule: error.keyword,
        message: `${at} ${error.message ?? `fails ${error.keyword}`}`,
        expected: JSON.stringify(params),
        actual,
      };
  }
}

function allowedProperties(parentSchema: unknown): string[] {
  const schema = parentSchema as
    | { properties?: Record<string, unknown>; patternProperties?: Record<string, unknown> }
    | undefined;
  const names = Object.keys(schema?.properties ?? {});
  if (schema?.patternProperties?.['@'] !== undefined) {
    names.push('OData annotations (keys containing "@")');
  }
  return names;
}

/** `string "3"`, `number 3.5`, `boolean true`; containers and null are already named by `actual`. */
function foundType(value: unknown, actual: string): string {
  if (value === null || value === undefined || typeof value === 'object') return actual;
  if (typeof value === 'number')
    return `${Number.isInteger(value) ? 'integer' : 'number'} ${actual}`;
  return `${typeof value} ${actual}`;
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
