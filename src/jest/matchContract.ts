import type { ContractName } from '../contracts/registry';
import { listIssues } from '../validator/listIssues';
import type { ValidationOptions } from '../validator/ValidationOptions';
import { cannotJudge } from './cannotJudge';
import { countPlaces, formatIssues } from './formatIssues';
import { checkedName, formatReceived, missingJsonReason, subjectName } from './formatSubject';
import type { MatcherSubject } from './readMatcherSubject';
import type { UserStatusMatcherContext, UserStatusMatcherResult } from './UserStatusMatcherContext';

/** Which contract `matchContract` checks a body against, and how messages name it. */
export interface ContractCheck {
  readonly contract: ContractName;
  readonly options: ValidationOptions;
  /** For example `the entity contract`. */
  readonly label: string;
}

/**
 * Checks a subject's body against a contract and explains the result.
 *
 * Passes when the body is JSON that breaks nothing; fails when it breaks the contract (listing every
 * issue), is empty or is not JSON; cannot judge when it could not be read.
 */
export function matchContract(
  context: UserStatusMatcherContext,
  hint: string,
  subject: MatcherSubject,
  check: ContractCheck,
): UserStatusMatcherResult {
  const { body } = subject;
  const name = checkedName(subject);
  if (body.kind === 'unreadable') {
    return cannotJudge(
      context,
      hint,
      `Cannot check ${subjectName(subject)} against ${check.label}: ${body.reason}.`,
    );
  }
  const received = formatReceived(subject, context.utils);
  if (body.kind !== 'json') {
    const reason = missingJsonReason(subject) ?? 'the body holds no JSON';
    return {
      pass: false,
      message: () =>
        `${hint}\n\nExpected ${name} to be JSON matching ${check.label}, but ${reason}.\n\n${received}`,
    };
  }
  const issues = listIssues(check.contract, body.value, check.options);
  if (issues.length === 0) {
    return {
      pass: true,
      message: () =>
        `${hint}\n\nExpected ${name} not to match ${check.label}, but it does.\n\n${received}`,
    };
  }
  return {
    pass: false,
    message: () =>
      `${hint}\n\nExpected ${name} to match ${check.label}, but it breaks it in ${countPlaces(issues.length)}:\n\n` +
      `${formatIssues(issues, context.utils)}\n\n${received}`,
  };
}
