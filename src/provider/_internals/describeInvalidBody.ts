import type { ODataErrorDetail } from '../../contracts/ODataErrorDetail';
import type { ValidationIssue } from '../../contracts/ValidationIssue';
import { MAX_CHECKED_UNKNOWN_MEMBERS } from './listRequestIssues';

const MAX_DETAILS = 20;

/** A Graph error message and `details` entries for a body that breaks the request contract. */
export interface InvalidBodyDescription {
  /** One sentence naming the first broken property and rule (and how many more there are). */
  readonly message: string;
  /** One entry per issue (at most 20): `code` is the rule, `target` the JSON pointer. */
  readonly details: ODataErrorDetail[];
}

/**
 * Describes a body's contract issues as a Graph 400: the message names the property and the rule
 * (`Invalid request body: /devicesCount breaks "maximum": ...`) and, when `coverage` says members
 * went unchecked, how many the body has; the details list the issues (at most 20).
 */
export function describeInvalidBody(
  issues: readonly ValidationIssue[],
  coverage?: { readonly members: number; readonly unchecked: number },
): InvalidBodyDescription {
  const first = issues[0];
  const notes: string[] = [];
  if (issues.length > 1) notes.push(`and ${issues.length - 1} more issue(s) in details`);
  if (coverage !== undefined && coverage.unchecked > 0) {
    notes.push(
      `the body has ${coverage.members} properties; only the known ones and the first ${MAX_CHECKED_UNKNOWN_MEMBERS} others were checked`,
    );
  }
  const more = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  const message =
    first === undefined
      ? 'Invalid request body.'
      : `Invalid request body: ${first.path || '(root)'} breaks "${first.rule}": ${first.message}${more}`;
  return {
    message,
    details: issues.slice(0, MAX_DETAILS).map((issue) => ({
      code: issue.rule,
      message: issue.message,
      target: issue.path || '(root)',
    })),
  };
}
