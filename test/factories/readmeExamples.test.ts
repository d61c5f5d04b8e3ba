// The factory snippets of docs/fixtures-and-generators.md and of README.md's first recipe,
// verbatim but for the import path, so they cannot rot.
import { readFileSync } from 'node:fs';
import { createUserStatusRequestFactory } from '../../src/factories/createUserStatusRequestFactory';
import { userStatusFactory } from '../../src/factories/userStatusFactory';
import { docBlocksOf, withoutImports } from '../helpers/docBlocks';

// The code under test: yours.
const needsAttention = (status: { status: string; devicesCount: number }) =>
  status.status === 'nonCompliant' && status.devicesCount > 0;

test('a non-compliant user with devices needs attention', () => {
  const status = userStatusFactory.nonCompliant().withDevices(3).build();
  expect(needsAttention(status)).toBe(true);
});

test('the same seed gives the same users, on every machine and every run', () => {
  const users = userStatusFactory.seed(42).buildList(3);
  expect(users).toEqual(userStatusFactory.buildList(3, {}, { seed: 42 }));
  expect(new Set(users.map((user) => user.id)).size).toBe(3);
});

test('traits and overrides combine; the result is always a valid body', () => {
  const body = createUserStatusRequestFactory
    .anonymous()
    .reportedAt(new Date('2024-02-29T12:00:00Z'))
    .build({ devicesCount: 0 });
  expect(body).toMatchObject({
    userDisplayName: null,
    userPrincipalName: null,
    devicesCount: 0,
    lastReportedDateTime: '2024-02-29T12:00:00.0000000Z',
  });
});

test.each([
  ['docs/fixtures-and-generators.md', 0],
  ['README.md', 0],
])('is the code %s shows (its TypeScript block %i)', (page, index) => {
  const block = docBlocksOf(page, 'ts')[index];
  expect(block).toBeDefined();
  expect(readFileSync(__filename, 'utf8')).toContain(withoutImports(block?.code ?? ''));
});
