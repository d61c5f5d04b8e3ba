import type { FuzzResponse } from './FuzzExchange';

/** The parsed JSON body of a response, or `undefined` when there is none or it is not JSON. */
export function responseJson(response: FuzzResponse): { value: unknown } | undefined {
  if (response.kind !== 'response' || response.body.trim() === '' || response.truncated)
    return undefined;
  try {
    return { value: JSON.parse(response.body) as unknown };
  } catch {
    return undefined;
  }
}

/** A short description of a response for a finding's message (`400 BadRequest`, `timeout`). */
export function describeResponse(response: FuzzResponse): string {
  if (response.kind === 'failure') return response.message;
  const parsed = responseJson(response);
  const code = (parsed?.value as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? `${response.status} ${code}` : `${response.status}`;
}
