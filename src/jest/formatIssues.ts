import type { ValidationIssue } from '../contracts/ValidationIssue';
import type { MatcherUtilsLike } from './UserStatusMatcherContext';

/** How many issues a failure message lists before summarising the rest. */
export const MAX_LISTED_ISSUES = 25;

/**
 * Renders validation issues for a failure message, one numbered block each.
 *
 * A block gives the JSON pointer, the rule and the validator's sentence, then the unexpected
 * property's name, the allowed values or the expected value, and what was received.
 * @example
 * formatIssues(listIssues('entity', value), this.utils);
 * //   1. /devicesCount maximum: /devicesCount must be <= 2147483647 (Int32), found 2147483648
 * //      Expected: <= 2147483647
 * //      Received: 2147483648
 */
export function formatIssues(
  issues: readonly ValidationIssue[],
  utils: MatcherUtilsLike,
  indent = '  ',
): string {
  const expectedColor = utils.EXPECTED_COLOR ?? plain;
  const receivedColor = utils.RECEIVED_COLOR ?? plain;
  const blocks = issues.slice(0, MAX_LISTED_ISSUES).map((issue, index) => {
    const number = `${index + 1}. `;
    const detail = indent + ' '.repeat(number.length);
    const lines = [`${indent}${number}${issue.path || '(root)'} ${issue.rule}: ${issue.message}`];
    if (issue.property !== undefined) {
      lines.push(`${detail}Unexpected property: ${receivedColor(JSON.stringify(issue.property))}`);
    } else if (issue.allowedValues !== undefined) {
      const label = issue.allowedValues.length === 1 ? 'Allowed value' : 'Allowed values';
      lines.push(`${detail}${label}: ${expectedColor(issue.allowedValues.map(show).join(', '))}`);
    } else {
      lines.push(`${detail}Expected: ${expectedColor(issue.expected)}`);
    }
    lines.push(`${detail}Received: ${receivedColor(issue.actual)}`);
    return lines.join('\n');
  });
  const more = issues.length - MAX_LISTED_ISSUES;
  if (more > 0) {
    blocks.push(`${indent}... and ${more} more (listIssues returns them all)`);
  }
  return blocks.join('\n');
}

/** `1 place`, `3 places`: how many issues a value has, for a sentence. */
export function countPlaces(count: number): string {
  return count === 1 ? '1 place' : `${count} places`;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function plain(text: string): string {
  return text;
}
