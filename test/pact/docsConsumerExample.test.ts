// The Pact recipe of README.md and docs/pact-consumer.md, verbatim, imports included: it runs under
// Jest as a user's test file does (the package's name maps to src/ here).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docBlocksOf } from '../helpers/docBlocks';

// The recipe writes its pact to `pacts/` under the working folder: here a fresh temporary folder,
// never this repository's pacts/.
const home = process.cwd();
const folder = mkdtempSync(join(tmpdir(), 'docs-pact-consumer-'));
process.chdir(folder);
afterAll(() => {
  process.chdir(home);
  rmSync(folder, { recursive: true, force: true });
});

import { PactV4 } from '@pact-foundation/pact/src/v4';
import { createUserStatusClient } from 'user-status-contracts';
import { createUserStatusInteractions } from 'user-status-contracts/pact';

process.env['PACT_DO_NOT_TRACK'] = 'true';
const pact = new PactV4({ consumer: 'my-app', provider: 'graph-user-statuses', dir: 'pacts' });

test('my app creates a user status', async () => {
  const token = 'test-token';
  const { created } = createUserStatusInteractions({ token });
  await created.addTo(pact).executeTest(async (server) => {
    const client = createUserStatusClient({ baseUrl: server.url, token });
    const status = await client.createUserStatus(created.policyId, created.body);
    expect(status.id).not.toBe('');
  });
});

test('the recipe wrote its pact under the working folder', () => {
  const written = join(folder, 'pacts', 'my-app-graph-user-statuses.json');
  expect(existsSync(written)).toBe(true);
  const pactFile = JSON.parse(readFileSync(written, 'utf8')) as { interactions: unknown[] };
  expect(pactFile.interactions).toHaveLength(1);
});

test.each(['README.md', 'docs/pact-consumer.md'])('is the code %s shows', (page) => {
  const block = docBlocksOf(page, 'ts').find((candidate) => candidate.code.includes('PactV4'));
  expect(block).toBeDefined();
  expect(readFileSync(__filename, 'utf8')).toContain(block?.code.trim() ?? '');
});
