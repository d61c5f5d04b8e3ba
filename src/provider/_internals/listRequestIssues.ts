import { contractSchema, type RequestProfile } from '../../contracts/registry';
import { listIssues } from '../../validator/listIssues';
import type { ValidationIssue } from '../../contracts/ValidationIssue';

/** How many members a request body cannot have are checked, at most, before it is refused. */
export const MAX_CHECKED_UNKNOWN_MEMBERS = 32;

/** A request body's contract issues, and how much of the body they cover. */
export interface RequestIssues {
  /** The issues found (empty when the body is valid). */
  readonly issues: ValidationIssue[];
  /** How many members the body has (0 when it is not an object). */
  readonly members: number;
  /** How many of its members were not checked (unknown ones past the first 32). */
  readonly unchecked: number;
}

let knownMembers: ReadonlySet<string> | undefined;

/**
 * The request contract's issues for a create or update body, at a bounded cost: a body with more
 * members than the contract allows is checked on its known members and its first 32 unknown ones
 * only. Collecting every issue of 100,000 unknown members took Ajv about a second per body; the
 * body is refused either way, and the message says how much was checked.
 */
export function listRequestIssues(body: unknown, profile: RequestProfile): RequestIssues {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { issues: listIssues('request', body, { profile }), members: 0, unchecked: 0 };
  }
  const keys = Object.keys(body);
  if (keys.length <= MAX_CHECKED_UNKNOWN_MEMBERS) {
    return { issues: listIssues('request', body, { profile }), members: keys.length, unchecked: 0 };
  }
  knownMembers ??= readKnownMembers();
  // No prototype, so a `__proto__` member is copied as a member, as JSON.parse made it.
  const view = Object.create(null) as Record<string, unknown>;
  const source = body as Record<string, unknown>;
  let checked = 0;
  let unknown = 0;
  for (const key of keys) {
    if (knownMembers.has(key) || unknown++ < MAX_CHECKED_UNKNOWN_MEMBERS) {
      view[key] = source[key];
      checked++;
    }
  }
  return {
    issues: listIssues('request', view, { profile }),
    members: keys.length,
    unchecked: keys.length - checked,
  };
}

/** The member names a request body may have (both profiles declare the same ones). */
function readKnownMembers(): ReadonlySet<string> {
  const defs = contractSchema('request')['$defs'] as Record<
    string,
    { properties?: Record<string, unknown> }
  >;
  const names = new Set<string>();
  for (const definition of Object.values(defs)) {
    for (const name of Object.keys(definition.properties ?? {})) names.add(name);
  }
  return names;
}
