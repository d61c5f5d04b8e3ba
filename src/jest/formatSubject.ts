import type { MatcherSubject } from './readMatcherSubject';
import type { MatcherUtilsLike } from './UserStatusMatcherContext';

const MAX_TEXT_PREVIEW = 300;

/** How a message names the subject: `the value`, `the axios response (status 404)`, `the fetch Request`. */
export function subjectName(subject: MatcherSubject): string {
  if (subject.source === 'value') return 'the value';
  return subject.status === undefined
    ? `the ${subject.source}`
    : `the ${subject.source} (status ${subject.status})`;
}

/** The name of what is checked against a contract: the value itself, or the body of an HTTP subject. */
export function checkedName(subject: MatcherSubject): string {
  return subject.source === 'value' ? 'the value' : `the body of ${subjectName(subject)}`;
}

/** Why a body holds no JSON value to check (empty, or not JSON), or `undefined` when it holds one. */
export function missingJsonReason(subject: MatcherSubject): string | undefined {
  const { body } = subject;
  const type = subject.contentType === undefined ? '' : `, content-type ${subject.contentType}`;
  switch (body.kind) {
    case 'empty':
      return `the body is empty${type}`;
    case 'not-json':
      return `the body is not JSON (${body.reason}${type})`;
    default:
      return undefined;
  }
}

/** The closing lines of a failure message: the received status, if any, and the received body. */
export function formatReceived(subject: MatcherSubject, utils: MatcherUtilsLike): string {
  const { body } = subject;
  const lines: string[] = [];
  if (subject.status !== undefined)
    lines.push(`Received status: ${utils.printReceived(subject.status)}`);
  const label = subject.source === 'value' ? 'Received' : 'Received body';
  switch (body.kind) {
    case 'json':
      lines.push(`${label}: ${utils.printReceived(body.value)}`);
      break;
    case 'empty':
      lines.push(`${label}: (empty)`);
      break;
    case 'not-json':
      lines.push(`${label} (not JSON): ${utils.printReceived(preview(body.text))}`);
      break;
    case 'unreadable':
      break;
  }
  return lines.join('\n');
}

function preview(text: string): string {
  return text.length > MAX_TEXT_PREVIEW
    ? `${text.slice(0, MAX_TEXT_PREVIEW)}... (${text.length} characters)`
    : text;
}
