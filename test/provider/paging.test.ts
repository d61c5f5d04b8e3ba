import type { Provider } from '../../src/provider/createProvider';
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_POLICY_ID,
  DEFAULT_STORE_CAPACITY_BYTES,
  MAX_PAGE_BYTES,
  MAX_PAGE_SIZE,
} from '../../src/provider/defaults';
import { listIssues } from '../../src/validator/listIssues';
import {
  call,
  collectionPath,
  createStatus,
  expectGraphError,
  startProvider,
  type CallResult,
} from './providerHarness';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';

/** A listing page as the provider answers it. */
interface Page {
  readonly '@odata.context': string;
  readonly '@odata.nextLink'?: string;
  readonly value: { id: string; userDisplayName: string | null }[];
}

let provider: Provider;
let url: string;

beforeAll(async () => {
  ({ provider, url } = await startProvider());
});
afterEach(() => provider.reset());
afterAll(() => provider.close());

/** Asserts the listing shape: only the context, the next link and `value`, every item an entity. */
function expectPage(response: CallResult): Page {
  expect(response.status).toBe(200);
  const page = response.json as Page;
  expect(Object.keys(page).filter((key) => key !== '@odata.nextLink')).toEqual([
    '@odata.context',
    'value',
  ]);
  for (const item of page.value) expect(listIssues('entity', item)).toEqual([]);
  return page;
}

/** Follows `@odata.nextLink` from a first request until the last page; returns every page. */
async function allPages(path: string): Promise<Page[]> {
  const pages: Page[] = [];
  let next: string | undefined = path;
  while (next !== undefined) {
    const page = expectPage(await call(url, 'GET', next));
    pages.push(page);
    const link = page['@odata.nextLink'];
    if (link !== undefined) expect(link.startsWith(`${url}/`)).toBe(true);
    next = link?.slice(url.length);
  }
  return pages;
}

async function createMany(count: number, policyId = DEFAULT_POLICY_ID): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(String((await createStatus(url, { userDisplayName: `u${i}` }, policyId))['id']));
  }
  return ids;
}

describe('listing a policy’s statuses, paged as Graph pages', () => {
  it(`answers ${DEFAULT_PAGE_SIZE} statuses a page with an absolute @odata.nextLink; following it lists each status once, oldest first`, async () => {
    const ids = await createMany(250);
    const first = expectPage(await call(url, 'GET', collectionPath()));
    expect(first.value).toHaveLength(DEFAULT_PAGE_SIZE);
    expect(first['@odata.nextLink']).toMatch(
      new RegExp(
        `^${url.replace(/\./g, '\\.')}/v1\\.0/deviceManagement/deviceCompliancePolicies/${DEFAULT_POLICY_ID}/userStatuses\\?\\$skiptoken=[^&]+$`,
      ),
    );
    const pages = await allPages(collectionPath());
    expect(pages.map((page) => page.value.length)).toEqual([100, 100, 50]);
    expect(pages.flatMap((page) => page.value.map((item) => item.id))).toEqual(ids);
    expect(pages[2]?.['@odata.nextLink']).toBeUndefined();
  });

  it(`takes $top as the page size, up to ${MAX_PAGE_SIZE}, and keeps it in the nextLink`, async () => {
    const ids = await createMany(23);
    const first = expectPage(await call(url, 'GET', `${collectionPath()}?$top=7`));
    expect(first.value.map((item) => item.id)).toEqual(ids.slice(0, 7));
    expect(first['@odata.nextLink']).toMatch(/\?\$top=7&\$skiptoken=[^&]+$/);
    const pages = await allPages(`${collectionPath()}?$top=7`);
    expect(pages.map((page) => page.value.length)).toEqual([7, 7, 7, 2]);
    expect(pages.flatMap((page) => page.value.map((item) => item.id))).toEqual(ids);
    // Percent-encoded, and at the maximum.
    expect(expectPage(await call(url, 'GET', `${collectionPath()}?%24top=3`)).value).toHaveLength(
      3,
    );
    const whole = expectPage(await call(url, 'GET', `${collectionPath()}?$top=${MAX_PAGE_SIZE}`));
    expect(whole.value).toHaveLength(23);
    expect(whole['@odata.nextLink']).toBeUndefined();
  });

  it(`refuses a $top that is not an integer from 1 to ${MAX_PAGE_SIZE}, and a $skiptoken it did not issue, with a 400`, async () => {
    await createMany(2);
    for (const query of [
      '$top=abc',
      '$top=1.5',
      '$top=0',
      '$top=-1',
      `$top=${MAX_PAGE_SIZE + 1}`,
      '$top=',
      '$top=1e2',
      '$top=%205',
      '$top=99999999999999999999',
      '$top=5&$top=6',
    ]) {
      const response = await call(url, 'GET', `${collectionPath()}?${query}`);
      const error = expectGraphError(response, 400, 'BadRequest');
      expect({ query, message: error.message }).toEqual({
        query,
        message: expect.stringContaining('$top') as string,
      });
    }
    for (const token of ['nope', '-1', '1.5', '', '1&$skiptoken=2']) {
      const response = await call(url, 'GET', `${collectionPath()}?$skiptoken=${token}`);
      const error = expectGraphError(response, 400, 'BadRequest');
      expect(error.message).toContain('$skiptoken');
    }
  });

  it('keeps its place when statuses are deleted or created between pages', async () => {
    const ids = await createMany(6);
    const first = expectPage(await call(url, 'GET', `${collectionPath()}?$top=2`));
    expect(first.value.map((item) => item.id)).toEqual(ids.slice(0, 2));
    for (const id of [ids[1], ids[2]]) {
      expect((await call(url, 'DELETE', `${collectionPath()}/${String(id)}`)).status).toBe(204);
    }
    const [later] = await createMany(1);
    const rest = await allPages(first['@odata.nextLink']?.slice(url.length) ?? '');
    expect(rest.flatMap((page) => page.value.map((item) => item.id))).toEqual([
      ids[3],
      ids[4],
      ids[5],
      later,
    ]);
  });

  it('links back under the version prefix and the host the client used', async () => {
    await createMany(3);
    const bare = expectPage(
      await call(url, 'GET', `${collectionPath(DEFAULT_POLICY_ID, '')}?$top=1`),
    );
    expect(bare['@odata.nextLink']).toMatch(
      new RegExp(`^${url.replace(/\./g, '\\.')}/deviceManagement/deviceCompliancePolicies/`),
    );
    const beta = expectPage(
      await call(url, 'GET', `${collectionPath(DEFAULT_POLICY_ID, '/beta')}?$top=1`, {
        headers: { host: 'localhost:4010' },
      }),
    );
    expect(beta['@odata.nextLink']).toMatch(
      /^http:\/\/localhost:4010\/beta\/deviceManagement\/deviceCompliancePolicies\//,
    );
  });

  it('encodes the policy id in the nextLink', async () => {
    const policyId = "a/b c'd";
    provider.setProviderState({ policyId });
    await createMany(2, policyId);
    const page = expectPage(await call(url, 'GET', `${collectionPath(policyId)}?$top=1`));
    const link = page['@odata.nextLink'] ?? '';
    expect(link).toContain(
      `/deviceCompliancePolicies/${encodeURIComponent(policyId)}/userStatuses?`,
    );
    const rest = await allPages(link.slice(url.length));
    expect(rest.flatMap((next) => next.value)).toHaveLength(1);
  });
});

describe('a store bounded by bytes as well as by count', () => {
  it(`keeps at most ${DEFAULT_STORE_CAPACITY_BYTES} bytes of statuses by default, evicting the oldest, and pages stay under ${MAX_PAGE_BYTES} bytes`, async () => {
    // Names have no length limit: each create stores about 1 MB.
    const name = 'n'.repeat(1_000_000);
    const ids: string[] = [];
    for (let i = 0; i < 70; i++) {
      const created = await createStatus(url, { userDisplayName: `${i}${name}` });
      ids.push(String(created['id']));
    }
    expect(provider.store.bytes).toBeLessThanOrEqual(DEFAULT_STORE_CAPACITY_BYTES);
    expect(provider.store.evicted).toBeGreaterThan(0);
    expect(provider.store.size + provider.store.evicted).toBe(70);
    // The oldest went first: the statuses kept are the newest ones.
    const kept = ids.slice(provider.store.evicted);
    const first = await call(url, 'GET', collectionPath());
    expect(first.text.length).toBeLessThanOrEqual(MAX_PAGE_BYTES + 1024);
    const pages = await allPages(collectionPath());
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((page) => page.value.map((item) => item.id))).toEqual(kept);
    expect(
      (await call(url, 'POST', collectionPath(), { body: JSON.stringify(SAMPLE_CREATE_REQUEST) }))
        .status,
    ).toBe(201);
  });
});
