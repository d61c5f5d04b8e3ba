// RFC 6750's b64token: the only thing a bearer credential may be, so the only token a provider
// can accept and a client can send in `Authorization: Bearer <token>`.
const B64TOKEN = '[A-Za-z0-9\\-._~+/]+=*';
const TOKEN = new RegExp(`^${B64TOKEN}$`);
const CREDENTIALS = new RegExp(`^bearer[ \\t]+(${B64TOKEN})[ \\t]*$`, 'i');

/** Whether a string can be sent as a bearer token (an RFC 6750 b64token). */
export function isBearerToken(token: string): boolean {
  return TOKEN.test(token);
}

/**
 * The token of an `Authorization` header that carries bearer credentials (the scheme in any case,
 * blanks around the token allowed), or `undefined` for any other header.
 */
export function bearerTokenOf(header: string): string | undefined {
  return CREDENTIALS.exec(header)?.[1];
}
