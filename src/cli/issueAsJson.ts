import type { ValidationIssue } from '../contracts/ValidationIssue';
import { valueAtPointer } from '../contracts/valueAtPointer';

const MAX_STRING = 60;
const MAX_ENTRIES = 20;
const MAX_DEPTH = 3;

/** A validation issue as `validate --json` prints it. */
export type JsonIssue = Omit<ValidationIssue, 'actual'> & {
  /** The value found at `path`, as JSON (clipped when large); absent where the value is missing. */
  readonly actual?: unknown;
};

/**
 * An issue for `validate --json`: `actual` is the value found at the issue's path in the document,
 * as JSON (a number stays a number, `true` stays a boolean), not its short description. Strings
 * over 60 characters end in `... (N characters)`; arrays and objects keep their first 20 entries
 * and 3 levels, deeper ones read `array of N` or `object`. A missing value has no `actual`.
 */
export function issueAsJson(issue: ValidationIssue, document: unknown): JsonIssue {
  const { actual: _described, ...rest } = issue;
  const found = issue.rule === 'json' ? undefined : valueAtPointer(document, issue.path);
  return found === undefined ? rest : { ...rest, actual: clip(found, 0) };
}

function clip(value: unknown, depth: number): unknown {
  if (typeof value === 'string') {
    return value.length > MAX_STRING
      ? `${value.slice(0, MAX_STRING)}... (${value.length} characters)`
      : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return `array of ${value.length}`;
    const kept = value.slice(0, MAX_ENTRIES).map((item) => clip(item, depth + 1));
    return value.length > MAX_ENTRIES
      ? [...kept, `... (${value.length - MAX_ENTRIES} more items)`]
      : kept;
  }
  if (depth >= MAX_DEPTH) return 'object';
  const keys = Object.keys(value);
  // fromEntries defines each key as an own property, `__proto__` included.
  const kept = Object.fromEntries(
    keys
      .slice(0, MAX_ENTRIES)
      .map((key) => [key, clip((value as Record<string, unknown>)[key], depth + 1)]),
  );
  return keys.length > MAX_ENTRIES
    ? { ...kept, '...': `${keys.length - MAX_ENTRIES} more properties` }
    : kept;
}
