/**
 * The first property name that appears twice in the top-level object of a JSON text, or
 * `undefined`. `JSON.parse` silently keeps the last value, so `{"status":"Bogus","status":"error"}`
 * would pass as valid; Graph's OData reader refuses duplicate properties, and so must a fake.
 *
 * Expects an object's text that `JSON.parse` accepted, and how many distinct keys the parsed
 * object has: names are only compared when the text holds more keys than that, so the common case
 * just counts. Iterative and linear, so deep or huge bodies cost no more than reading them.
 */
export function findDuplicateTopLevelKey(text: string, distinctKeys: number): string | undefined {
  let count = 0;
  scanTopLevelKeys(text, () => void count++);
  if (count === distinctKeys) return undefined;
  const seen = new Set<string>();
  let duplicate: string | undefined;
  scanTopLevelKeys(text, (start, end, escaped) => {
    const raw = text.slice(start, end);
    // An escaped name (`"st\u0061tus"`) is the same property as its plain spelling.
    const name = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
    if (seen.has(name)) duplicate = name;
    seen.add(name);
    return duplicate !== undefined;
  });
  return duplicate;
}

/**
 * Calls `visit` with the bounds of each property name of the top-level object of a JSON text (the
 * text between its quotes, and whether it holds an escape), in order, until `visit` returns true.
 */
function scanTopLevelKeys(
  text: string,
  visit: (start: number, end: number, escaped: boolean) => boolean | void,
): void {
  const length = text.length;
  let depth = 0;
  let expectKey = false;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 0x22 /* " */) {
      const start = i + 1;
      let escaped = false;
      i++;
      while (i < length) {
        const inner = text.charCodeAt(i);
        if (inner === 0x5c /* \ */) {
          escaped = true;
          i += 2;
        } else if (inner === 0x22) break;
        else i++;
      }
      if (depth === 1 && expectKey) {
        if (visit(start, i, escaped) === true) return;
        expectKey = false;
      }
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      depth++;
      expectKey = depth === 1 && code === 0x7b;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      depth--;
    } else if (code === 0x2c /* , */ && depth === 1) {
      expectKey = true;
    }
    i++;
  }
}
