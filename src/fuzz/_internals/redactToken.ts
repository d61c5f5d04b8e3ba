import { REDACTED_TOKEN, redactSecret } from '../../redactSecret';
import type { FuzzRequest } from './FuzzExchange';

/**
 * The request with the target's bearer token replaced by `$TOKEN` in every header that carries
 * it. Only that token is replaced: a wrong or malformed one that a check sent on purpose stays, so
 * the request still reproduces the finding.
 */
export function redactToken(request: FuzzRequest, token: string): FuzzRequest {
  if (token === '') return request;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = redactTokenInText(value, token);
  }
  return { ...request, headers };
}

/** A text (an answer's body or header, a message) with every occurrence of the token redacted. */
export function redactTokenInText(text: string, token: string): string {
  return redactSecret(text, token, REDACTED_TOKEN);
}
