import type { FuzzRequest } from './Exchange';

/** Options of `toCurl`. */
export interface ToCurlOptions {
  /** The target's base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** Print the bearer token instead of `$TOKEN`. @defaultValue false */
  readonly showToken?: boolean;
}

/**
 * A one-line `curl` command that replays a request byte for byte. The bearer token is replaced
 * by `$TOKEN` unless `showToken` is set, so reports can be shared.
 */
export function toCurl(request: FuzzRequest, options: ToCurlOptions): string {
  const parts = [
    'curl',
    '-sS',
    '-i',
    '-X',
    request.method,
    shellQuote(`${options.baseUrl}${request.path}`),
  ];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === 'content-length') continue;
    const shown =
      name.toLowerCase() === 'authorization' && options.showToken !== true
        ? value.replace(/^(\s*bearer\s+).+$/i, '$1$TOKEN')
        : value;
    // Double quotes only where the token variable must expand; everything else is single-quoted.
    parts.push(
      '-H',
      shown.includes('$TOKEN') ? `"${name}: ${shown}"` : shellQuote(`${name}: ${shown}`),
    );
  }
  if (request.body !== undefined) {
    // Without a Content-Type of its own, curl would add application/x-www-form-urlencoded.
    if (!Object.keys(request.headers).some((name) => name.toLowerCase() === 'content-type')) {
      parts.push("-H 'Content-Type:'");
    }
    parts.push(
      request.body.length > 4096
        ? `--data-binary @body.txt  # body.txt: this finding's request.body (${request.body.length} characters) in the saved findings or JSON report`
        : `--data-binary ${shellQuote(request.body)}`,
    );
  }
  return parts.join(' ');
}

/** Quotes a string for POSIX shells: single quotes, with embedded ones closed and escaped. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
