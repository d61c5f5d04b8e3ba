/**
 * Whether a `Content-Type` header declares JSON as Graph accepts it: `application/json` (any case),
 * optionally with parameters such as `charset=utf-8` or `odata.metadata=minimal`; a charset other
 * than UTF-8 is refused, since the body is read as UTF-8.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  if (header === 'application/json') return true;
  const parts = header.split(';');
  if (parts[0]?.trim().toLowerCase() !== 'application/json') return false;
  for (let i = 1; i < parts.length; i++) {
    const parameter = parts[i] ?? '';
    const equals = parameter.indexOf('=');
    if (equals === -1) continue;
    if (parameter.slice(0, equals).trim().toLowerCase() !== 'charset') continue;
    const charset = parameter
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') return false;
  }
  return true;
}
