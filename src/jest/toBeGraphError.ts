import { listIssues } from '../validator/listIssues';
import { cannotJudge } from './cannotJudge';
import { countPlaces, formatIssues } from './formatIssues';
import { formatReceived, missingJsonReason, subjectName } from './formatSubject';
import { hintFor } from './hintFor';
import { matcherUsageError } from './matcherUsageError';
import { readMatcherSubject, type MatcherSubject } from './readMatcherSubject';
import type { UserStatusMatcherContext, UserStatusMatcherResult } from './UserStatusMatcherContext';

const MATCHER = 'toBeGraphError';

/**
 * Passes when the value, or a response's JSON body, is Microsoft Graph's OData error envelope.
 *
 * For a response, its status must also be the one given or, without one, any 4xx or 5xx. A status
 * needs the response, not its body. A fetch `Response` makes it asynchronous: await the assertion.
 * @example
 * expect(errorBody).toBeGraphError();
 * expect(await request(app).post(path).send(body)).toBeGraphError(400);
 */
export function toBeGraphError(
  this: UserStatusMatcherContext,
  received: unknown,
  status?: number,
): UserStatusMatcherResult | Promise<UserStatusMatcherResult> {
  const hint = hintFor(this, MATCHER, status === undefined ? '' : String(status));
  if (
    status !== undefined &&
    !(typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599)
  ) {
    throw matcherUsageError(
      hint,
      `the expected status must be an HTTP status code (an integer from 100 to 599), not ${JSON.stringify(status) ?? String(status)}`,
    );
  }
  const judge = (subject: MatcherSubject): UserStatusMatcherResult =>
    judgeGraphError(this, hint, subject, status);
  const subject = readMatcherSubject(received);
  return subject instanceof Promise ? subject.then(judge) : judge(subject);
}

function judgeGraphError(
  context: UserStatusMatcherContext,
  hint: string,
  subject: MatcherSubject,
  expectedStatus: number | undefined,
): UserStatusMatcherResult {
  const { body, status } = subject;
  const name = subjectName(subject);
  if (body.kind === 'unreadable') {
    return cannotJudge(context, hint, `Cannot check ${name}: ${body.reason}.`);
  }
  if (expectedStatus !== undefined && status === undefined) {
    const what =
      subject.source === 'value' ? 'a plain value (a body) has none' : 'a request has none';
    return cannotJudge(
      context,
      hint,
      `${MATCHER}(${expectedStatus}) checks the HTTP status, and ${what}: pass the response ` +
        `(a fetch Response, an axios or a supertest response), not its body, or call ${MATCHER}() ` +
        `to check the error envelope alone.\n\n${formatReceived(subject, context.utils)}`,
    );
  }

  const problems: string[] = [];
  if (status !== undefined) {
    if (expectedStatus !== undefined && status !== expectedStatus) {
      problems.push(`its status is ${status}, not ${expectedStatus}`);
    } else if (expectedStatus === undefined && status < 400) {
      problems.push(`its status ${status} is not an error status (4xx or 5xx)`);
    }
  }
  const missingJson = missingJsonReason(subject);
  if (missingJson !== undefined) problems.push(missingJson);
  if (body.kind === 'json') {
    const issues = listIssues('error', body.value);
    if (issues.length > 0) {
      problems.push(
        `${subject.source === 'value' ? 'it' : 'its body'} breaks the error contract in ${countPlaces(issues.length)}:\n` +
          formatIssues(issues, context.utils, '      '),
      );
    }
  }

  const withStatus = expectedStatus === undefined ? '' : ` with status ${expectedStatus}`;
  const received = formatReceived(subject, context.utils);
  if (problems.length === 0) {
    return {
      pass: true,
      message: () =>
        `${hint}\n\nExpected ${name} not to be a Graph error${withStatus}, but it is: ${describeError(body)}.\n\n${received}`,
    };
  }
  return {
    pass: false,
    message: () =>
      `${hint}\n\nExpected ${name} to be a Graph error (the OData error envelope)${withStatus}, but:\n` +
      `${problems.map((problem) => `  - ${problem}`).join('\n')}\n\n${received}`,
  };
}

/** `ResourceNotFound: The policy does not exist.`, from a body that satisfies the error contract. */
function describeError(body: MatcherSubject['body']): string {
  if (body.kind !== 'json') return 'an error';
  const error = (body.value as { error: { code: string; message: string } }).error;
  return `${error.code}: ${error.message}`;
}
