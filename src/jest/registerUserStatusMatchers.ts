import { userStatusMatchers } from './userStatusMatchers';

/**
 * Registers the matchers with the `expect` found on `scope`, and returns whether there was one.
 *
 * That is Jest's global `expect`, or Vitest's with `globals: true`. It reads the global rather than
 * importing `expect`, so the entry loads without Jest installed.
 */
export function registerUserStatusMatchers(scope: object = globalThis): boolean {
  const candidate: unknown = (scope as { expect?: unknown }).expect;
  if (typeof candidate !== 'function' && (typeof candidate !== 'object' || candidate === null)) {
    return false;
  }
  const extend: unknown = (candidate as { extend?: unknown }).extend;
  if (typeof extend !== 'function') return false;
  extend.call(candidate, userStatusMatchers);
  return true;
}
