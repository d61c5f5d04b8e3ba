import type { ProviderRequest } from './ProviderRequest';

// A Host header as a URL can carry it: a name or IPv4 address, or a bracketed IPv6 one, and a port.
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

/** Where links in answers point when the request does not say where it was sent. */
const FALLBACK_ORIGIN = 'http://localhost';

/**
 * The origin (scheme, host and port) a request was sent to, for absolute links back to the
 * provider such as `@odata.nextLink`: the fetch `Request`'s own origin, else the `Host` header
 * (https on a TLS connection, http otherwise). Without a usable `Host` (HTTP/1.0, or a header no
 * URL could carry) it is `http://localhost`.
 */
export function requestOrigin(req: ProviderRequest): string {
  if (req.origin !== undefined) return req.origin;
  const host = req.headers.host;
  if (host === undefined || !HOST.test(host)) return FALLBACK_ORIGIN;
  return `${req.socket.encrypted === true ? 'https' : 'http'}://${host}`;
}
