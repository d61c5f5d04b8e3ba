/**
 * The value a JSON pointer (RFC 6901: `/$defs/documented`, `~1` for `/`, `~0` for `~`) points at
 * in a document, or `undefined` where there is none. With `uriFragment`, the pointer comes from a
 * `$ref`'s fragment, and each of its tokens is percent-decoded first.
 */
export function valueAtPointer(
  document: unknown,
  pointer: string,
  options: { readonly uriFragment?: boolean } = {},
): unknown {
  let value = document;
  for (const token of pointer.split('/').slice(1)) {
    const raw = options.uriFragment === true ? decodeURIComponent(token) : token;
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
