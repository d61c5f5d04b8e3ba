import { isIP } from 'node:net';
import { OptionError } from '../errors';

/**
 * Refuses a target that is not on this machine unless `allowRemote` is set, so that a typo cannot
 * send a fuzzing campaign (which creates data) to a production tenant.
 */
export function assertLoopbackTarget(baseUrl: string, allowRemote: boolean): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new OptionError(
      'baseUrl',
      (name) =>
        `${name('baseUrl')} ${JSON.stringify(baseUrl)} is not a URL (expected e.g. http://127.0.0.1:4010)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OptionError(
      'baseUrl',
      (name) => `${name('baseUrl')} must be http or https, not ${url.protocol}`,
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback =
    host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
  if (!loopback && !allowRemote) {
    throw new OptionError(
      'allowRemote',
      (name) =>
        `refusing to send requests to ${url.host}: it is not a loopback address, and fuzzing creates data on the server. ` +
        `Pass ${name('allowRemote')} if you really mean to test that server.`,
    );
  }
  return url;
}
