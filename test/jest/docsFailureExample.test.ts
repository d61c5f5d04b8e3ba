// The failure that docs/jest-matchers.md shows is how the matcher's message begins, word for word
// (the page wraps a long line, so whitespace is compared loosely; the message then prints the value).
import '../../src/jest';
import { docBlocksOf } from '../helpers/docBlocks';
import { ENTITY, failureMessage } from './httpHarness';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

test('docs/jest-matchers.md shows the failure toMatchUserStatusContract prints', () => {
  const shown = docBlocksOf('docs/jest-matchers.md', 'text')[0];
  expect(shown).toBeDefined();
  const entity = { ...ENTITY, devicesCount: 2147483648, deviceCount: 1 };
  const message = failureMessage(() => expect(entity).toMatchUserStatusContract());
  expect(collapse(message).startsWith(collapse(shown?.code ?? ''))).toBe(true);
  expect(collapse(shown?.code ?? '')).toContain('breaks it in 2 places');
});

test('the same entity with unusual but valid values (null names) passes', () => {
  expect(() =>
    expect({ ...ENTITY, userDisplayName: null }).toMatchUserStatusContract(),
  ).not.toThrow();
});
