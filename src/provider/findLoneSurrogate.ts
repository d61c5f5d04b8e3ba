// A surrogate code unit can only reach a parsed value through a `\uD800`-`\uDFFF` escape: strict
// UTF-8 cannot encode one. Bodies without such an escape skip the walk.
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The JSON pointer of the first string (value or property name) in a parsed body that holds half
 * of a surrogate pair, which is not a Unicode character; `undefined` when there is none.
 */
export function findLoneSurrogate(text: string, value: unknown): string | undefined {
  if (!SURROGATE_ESCAPE.test(text)) return undefined;
  return walk(value, '');
}

function walk(value: unknown, pointer: string): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? pointer : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Array.isArray(value)
    ? value.map((item, index): [string, unknown] => [String(index), item])
    : Object.entries(value);
  for (const [key, item] of entries) {
    const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (LONE_SURROGATE.test(key)) return at;
    const found = walk(item, at);
    if (found !== undefined) return found;
  }
  return undefined;
}
