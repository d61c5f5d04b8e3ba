/**
 * Wraps values as fast-check `examples` for a property of one argument (`[[a], [b], ...]`), for
 * `fc.assert(..., { examples })` and `test.prop([...], { examples })`.
 * @example
 * test.prop([createUserStatusRequestArbitrary()], {
 *   examples: asPropertyExamples(createUserStatusRequestExamples()),
 * })('...', (body) => ...);
 */
export function asPropertyExamples<T>(values: readonly T[]): [T][] {
  return values.map((value): [T] => [value]);
}
