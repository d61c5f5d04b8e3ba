import type { FuzzRequest } from './FuzzExchange';
import { REDACTED_TOKEN } from '../../redactSecret';

/** Options of `toCurl`. */
export interface ToCurlOptions {
  /** The target's base URL, without a trailing slash. */
  readonly baseUrl: string;
}

/**
 * A one-line `curl` command that replays a request byte for byte. A `$TOKEN` that `redactToken`
 * put in a header is left for the shell to expand, so the command runs once `TOKEN` is set.
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
    parts.push('-H', quoteHeader(`${name}: ${value}`));
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

/**
 * Quotes a header line, leaving each `$TOKEN` outside single quotes so the shell expands it; plain
 * double quotes where nothing else in the line is special to them, for readability.
 */
function quoteHeader(line: string): string {
  const segments = line.split(REDACTED_TOKEN);
  if (segments.length === 1) return shellQuote(line);
  if (segments.every((segment) => !/["\\$`!]/.test(segment))) return `"${line}"`;
  return segments.map(shellQuote).join(`"${REDACTED_TOKEN}"`);
}

/** Quotes a string for POSIX shells: single quotes, with embedded ones closed and escaped. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
