import type { OptionNamer } from '../../errors';

/** How long a request may take: the request timeout, or less when the budget has less left. */
export interface TimeLimit {
  readonly ms: number;
  readonly byBudget: boolean;
}

/** A time limit in words: `within 5000 ms (timeoutMs)`, or the budget that cut it short. */
export function withinTimeLimit(limit: TimeLimit, name: OptionNamer): string {
  return limit.byBudget
    ? `before the ${name('maxTimeSeconds')} budget ran out (${limit.ms} ms were left)`
    : `within ${limit.ms} ms (${name('timeoutMs')})`;
}

function errnoOf(error: unknown): string | undefined {
  // Duck-typed: socket errors may come from another realm, where `instanceof Error` is false.
  const { code, cause } = (error ?? {}) as NodeJS.ErrnoException;
  return typeof code === 'string' ? code : (cause as NodeJS.ErrnoException | undefined)?.code;
}

/** Whether a request failed for lack of time, because the server hung up, or otherwise. */
export function classifyRequestFailure(error: unknown): 'timeout' | 'closed' | 'other' {
  const { name } = (error ?? {}) as { name?: unknown };
  const errno = errnoOf(error);
  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    errno === 'UND_ERR_HEADERS_TIMEOUT' ||
    errno === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return 'timeout';
  }
  if (errno === 'ECONNRESET' || errno === 'UND_ERR_SOCKET' || errno === 'EPIPE') return 'closed';
  return 'other';
}

/** Why a request (or a file read) failed, in a few words: `no answer within 5000 ms (timeoutMs)`. */
export function describeRequestFailure(
  error: unknown,
  limit: TimeLimit,
  name: OptionNamer,
): string {
  if (classifyRequestFailure(error) === 'timeout')
    return `no answer ${withinTimeLimit(limit, name)}`;
  const { message } = (error ?? {}) as { message?: unknown };
  const errno = errnoOf(error);
  if (errno === 'ENOENT') return 'no such file';
  if (errno === 'EACCES') return 'permission denied';
  if (errno === 'EISDIR') return 'it is a directory';
  return errno ?? (typeof message === 'string' ? message : String(error));
}
