const MAX_PREVIEW = 60;

/**
 * A short, safe rendering of any value for an issue's `actual`: never throws, never recurses, and
 * truncates long strings, so hostile input (huge strings, deep nesting, odd prototypes) is harmless.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return truncate(
        JSON.stringify(value.length > MAX_PREVIEW ? value.slice(0, MAX_PREVIEW) : value),
        value.length,
      );
    case 'number':
      return Number.isFinite(value) ? String(value) : `${String(value)} (not JSON)`;
    case 'bigint':
      return `${String(value)}n (not JSON)`;
    case 'boolean':
      return String(value);
    case 'object':
      return Array.isArray(value) ? `array of ${value.length}` : 'object';
    default:
      return `${typeof value} (not JSON)`;
  }
}

function truncate(quoted: string, originalLength: number): string {
  return originalLength > MAX_PREVIEW
    ? `${quoted.slice(0, -1)}..." (${originalLength} characters)`
    : quoted;
}
