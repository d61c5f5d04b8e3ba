import { isIP } from 'node:net';
import { UsageError } from '../errors';

/**
 * Refuses a target that is not on this machine unless `allowRemote` is set, so that a typo cannot
 * send a fuzzing campaign (which creates data) to a production tenant.
 */
export function assertLoopbackTarget(baseUrl: string, allowRemote: boolean): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError(
      `--base-url ${JSON.stringify(baseUrl)} is not a URL (expected e.g. http://127.0.0.1:4010)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--base-url must be http or https, not ${url.protocol}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback =
    host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
  if (!loopback && !allowRemote) {
    throw new UsageError(
      `refusing to send requests to ${url.host}: it is not a loopback address, and fuzzing creates data on the server. ` +
        'Pass --allow-remote if you really mean to test that server.',
    );
  }
  return url;
}
