import { formatFault } from './formatFault';
import type { RecordedRequest } from './RecordedRequest';

const MAX_PATH = 120;

/**
 * Requests one per line, with times in milliseconds from `origin` (the first request recorded):
 * `  +1503.0 ms  #4 POST /v1.0/.../userStatuses body 3f2a... -> 429 Retry-After 1.5 (fault: 429 retry-after=1.5)`.
 */
export function formatRequestSequence(
  requests: readonly RecordedRequest[],
  origin: number,
): string {
  return requests.map((request) => `  ${formatRequest(request, origin)}`).join('\n');
}

function formatRequest(request: RecordedRequest, origin: number): string {
  const time = `+${(request.at - origin).toFixed(1)} ms`;
  const ordinal = request.ordinal === undefined ? '' : ` #${request.ordinal}`;
  const path =
    request.path.length > MAX_PATH ? `${request.path.slice(0, MAX_PATH)}...` : request.path;
  const body = request.bodyDigest === undefined ? '' : ` body ${request.bodyDigest}`;
  const attempt =
    request.retryAttempt === undefined ? '' : ` (Retry-Attempt ${request.retryAttempt})`;
  const answer = request.status === 0 ? 'no answer (connection reset)' : String(request.status);
  const retryAfter = request.retryAfter === undefined ? '' : ` Retry-After ${request.retryAfter}`;
  const stored = request.storedId === undefined ? '' : `, stored ${request.storedId}`;
  const fault = request.fault === undefined ? '' : ` [fault: ${formatFault(request.fault)}]`;
  return `${time}${ordinal} ${request.method} ${path}${body}${attempt} -> ${answer}${retryAfter}${stored}${fault}`;
}
