import { bearerTokenOf } from '../../contracts/bearerToken';

/**
 * Why an `Authorization` header does not authenticate against the accepted tokens, as Graph's 401
 * message would say it; `undefined` when it carries an accepted bearer token.
 */
export function bearerTokenProblem(
  header: string | undefined,
  tokens: ReadonlySet<string>,
): string | undefined {
  // The usual spelling first: accepted tokens are b64tokens, so a hit needs no further parsing.
  if (header !== undefined && header.startsWith('Bearer ') && tokens.has(header.slice(7))) {
    return undefined;
  }
  if (header === undefined || header.trim() === '') {
    return 'Access token is empty: send an Authorization: Bearer <token> header.';
  }
  const token = bearerTokenOf(header);
  if (token === undefined) {
    return 'The Authorization header is not a bearer token: send Authorization: Bearer <token>.';
  }
  if (!tokens.has(token)) {
    return 'Access token validation failure: the token is not one this provider accepts.';
  }
  return undefined;
}
