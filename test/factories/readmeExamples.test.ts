// The factory snippets of README.md ("Generators"), verbatim but for the import path, so they
// cannot rot.
import { readFileSync } from 'node:fs';
import { createUserStatusRequestFactory } from '../../src/factories/createUserStatusRequestFactory';
import { userStatusFactory } from '../../src/factories/userStatusFactory';
import { readmeSnippets } from '../helpers/readmeSnippets';

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

test('is the code README.md shows', () => {
  const snippet = readmeSnippets('Generators')[0];
  expect(snippet).toBeDefined();
  expect(readFileSync(__filename, 'utf8')).toContain(snippet);
});
