/** Whether a text is an http(s) URL (a pact URL or a provider's base URL, not a file path). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
