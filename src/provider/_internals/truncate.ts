const MAX_ECHOED_LENGTH = 200;

/** A client-sent text cut to 200 characters (and `...`), to echo it in an error message. */
export function truncate(text: string): string {
  return text.length > MAX_ECHOED_LENGTH ? `${text.slice(0, MAX_ECHOED_LENGTH)}...` : text;
}
