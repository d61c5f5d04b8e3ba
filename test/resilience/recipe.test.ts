// The "property-based resilience" recipe of docs/faults.md, verbatim below the marker.
// --- recipe ---
import {
  assertResilient,
  faultScheduleArbitrary,
  ResilienceError,
  type ResilienceContext,
} from 'user-status-contracts';

// The code under test, written against an injected fetch and sleep (production passes the
// global fetch and a setTimeout-based sleep).
async function createOne({
  fetch,
  sleep,
  collectionUrl,
  token,
}: ResilienceContext): Promise<string[]> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const body = JSON.stringify({
    devicesCount: 1,
    status: 'compliant',
    lastReportedDateTime: '2020-06-14T20:52:52.8841394Z',
    userDisplayName: 'Adele Vance',
    userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
  });
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(collectionUrl, { method: 'POST', headers, body });
    if (response.status === 201) return [((await response.json()) as { id: string }).id];
    if (attempt === 3) throw new Error(`create failed with ${response.status} after 3 retries`);
    // Bug: ignores Retry-After and waits one second.
    await sleep(1000);
  }
}

it('finds the smallest schedule that breaks createOne, and how to replay it', async () => {
  const failure = await assertResilient(createOne, {
    faults: faultScheduleArbitrary({ kinds: ['429', '503'] }),
    numRuns: 100,
    seed: 7,
  }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ResilienceError);
  const { schedule, findings, seed, path } = failure as ResilienceError;
  expect(String(schedule)).toBe('[#1 429 retry-after=1.001]'); // one 429, a millisecond too long
  expect(findings.map((finding) => finding.rule)).toEqual(['retry-after-honoured']);
  // `assertResilient(createOne, { ...same options, seed, path })` replays it at once.
  expect([seed, typeof path]).toEqual([7, 'string']);
});
// --- end of recipe ---

import { docBlocksOf, recipeOf } from '../helpers/docBlocks';

it('is the code docs/faults.md shows', () => {
  const blocks = docBlocksOf('docs/faults.md', 'ts').map((block) => block.code.trim());
  expect(blocks).toContain(recipeOf(__filename));
});
