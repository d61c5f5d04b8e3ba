/** Appends one property name to a JSON pointer, escaping `~` and `/` as RFC 6901 requires. */
export function appendToPointer(pointer: string, property: string): string {
  return `${pointer}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
