// The MSW example of docs/mocking-with-msw.md, verbatim but for the import paths, so it cannot
// rot.
import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { createUserStatusRequestFactory } from '../../src/factories/createUserStatusRequestFactory';
import { createUserStatusHandlers } from '../../src/msw/createUserStatusHandlers';
import { docBlocksOf, withoutImports } from '../helpers/docBlocks';

// The code under test: yours.
async function reportStatus(policyId: string, status: object): Promise<string> {
  const url = `https://graph.microsoft.com/v1.0/deviceManagement/deviceCompliancePolicies/${policyId}/userStatuses`;
  const headers = { authorization: 'Bearer test-token', 'content-type': 'application/json' };
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(status) });
  if (!response.ok) throw new Error(`Graph answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

const graph = createUserStatusHandlers({ tokens: ['test-token'], policyIds: ['p1'] });
const server = setupServer(...graph.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => graph.reset());
afterAll(() => server.close());

test('a reported status is stored as Graph stores it', async () => {
  const status = createUserStatusRequestFactory.nonCompliant().build();
  const id = await reportStatus('p1', status);
  expect(graph.store.get('p1', id)).toMatchObject(status);
});

test('Graph refuses what breaks the contract, naming the property', async () => {
  const status = { ...createUserStatusRequestFactory.build(), devicesCount: 2 ** 31 };
  await expect(reportStatus('p1', status)).rejects.toThrow(/answered 400: .*\/devicesCount/);
});

test('is the code docs/mocking-with-msw.md shows', () => {
  const block = docBlocksOf('docs/mocking-with-msw.md', 'ts')[0];
  expect(block).toBeDefined();
  expect(readFileSync(__filename, 'utf8')).toContain(withoutImports(block?.code ?? ''));
});
