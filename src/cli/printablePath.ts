const MAX_LOGGED_PATH = 200;

/** A request target is the client's text: one short, printable line per request. */
export function printablePath(text: string): string {
  let printable = '';
  for (const character of text) {
    const code = character.charCodeAt(0);
    printable += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? '?' : character;
    if (printable.length > MAX_LOGGED_PATH) break;
  }
  return printable.length > MAX_LOGGED_PATH
    ? `${printable.slice(0, MAX_LOGGED_PATH)}...`
    : printable;
}
