// The "unit test with MSW faults" recipe of docs/faults.md, verbatim below the marker.
// --- recipe ---
import { setupServer } from 'msw/node';
import { createUserStatusRequestFactory, faultScheduleFromList } from 'user-status-contracts';
import 'user-status-contracts/jest';
import { createUserStatusHandlers } from 'user-status-contracts/msw';

const COLLECTION =
  'https://graph.microsoft.com/v1.0/deviceManagement/deviceCompliancePolicies/p1/userStatuses';
const HEADERS = { authorization: 'Bearer test-token', 'content-type': 'application/json' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The code under test: creates a status, waiting as Graph asks, and never twice.
async function createStatus(body: { userPrincipalName?: string | null }): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    let response: Response;
    try {
      response = await fetch(COLLECTION, {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify(body),
      });
    } catch (error) {
      // The connection dropped: the create may have been stored. Look before sending it again.
      const listing = await fetch(COLLECTION, { headers: HEADERS });
      const { value } = (await listing.json()) as {
        value: { id: string; userPrincipalName: string }[];
      };
      const stored = value.find((status) => status.userPrincipalName === body.userPrincipalName);
      if (stored) return stored.id;
      if (attempt === 3) throw error;
      continue;
    }
    if (response.status === 201) return ((await response.json()) as { id: string }).id;
    if (attempt === 3 || (response.status !== 429 && response.status < 500)) {
      throw new Error(`creating a user status failed: ${response.status} after ${attempt} retries`);
    }
    await sleep(Number(response.headers.get('retry-after') ?? '1') * 1000);
  }
}

const graph = createUserStatusHandlers({
  tokens: ['test-token'],
  policyIds: ['p1'],
  // The 1st request is throttled; the 2nd is stored, then its connection is cut.
  faults: faultScheduleFromList([
    { at: 1, kind: '429', retryAfter: 0.2 },
    { at: 2, kind: 'reset-after-store' },
  ]),
});
const server = setupServer(...graph.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => graph.reset());
afterAll(() => server.close());

it('waits out a 429 and does not create twice after a lost answer', async () => {
  const id = await createStatus(createUserStatusRequestFactory.build());
  expect(graph).toBeResilientClient({ reportedCreates: [id], outcome: { ok: true } });
  expect(graph.store.size).toBe(1);
});
// --- end of recipe ---

import { docBlocksOf, recipeOf } from '../helpers/docBlocks';

it('fails the recipe for a client that resends blindly', async () => {
  const body = JSON.stringify(createUserStatusRequestFactory.build());
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      if ((await fetch(COLLECTION, { method: 'POST', headers: HEADERS, body })).status === 201)
        break;
    } catch {
      // resend at once
    }
  }
  expect(graph.store.size).toBe(2);
  expect(() => expect(graph).toBeResilientClient()).toThrow(
    /retry-after-honoured[\s\S]*no-duplicate-create/,
  );
});

it('is the code docs/faults.md shows', () => {
  const blocks = docBlocksOf('docs/faults.md', 'ts').map((block) => block.code.trim());
  expect(blocks).toContain(recipeOf(__filename));
});
