// The figures and the stop summary quoted in docs/faults.md ("200 creates through serve --faults") come from here.
import {
  Client,
  GraphError,
  MiddlewareFactory,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';
import { startServe } from '../helpers/startServe';
import '../../src/jest';
import { faultScheduleFromList } from '../../src/faults/faultScheduleFromList';
import { faultScheduleFromSpec } from '../../src/faults/faultScheduleFromSpec';
import { judgeClientBehaviour } from '../../src/faults/judgeClientBehaviour';
import type { Provider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { startProvider } from './providerHarness';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';
import { BearerTokenMiddleware } from '../../examples/graph-client-consumer/bearerTokenMiddleware';

// How the Graph client (3.0.7) retries, read from its RetryHandler and RetryHandlerOptions:
// - it retries 429, 503 and 504 only, at most `maxRetries` = 3 times, and a POST too (its body is
//   a buffered JSON string; only an `application/octet-stream` body is not retried);
// - it waits `Retry-After` seconds when the answer has one (a number, or an HTTP date), without
//   jitter; without one it waits `delay` = 3 s plus up to 1 s of `Math.random` jitter, growing
//   exponentially from the 2nd retry; never more than 180 s;
// - it sets `Retry-Attempt: N` on each retry; a network error (a reset) is not retried at all.
// So `429:0.3,503:0.1` as `serve` reads it (429 with Retry-After 1, 503 with none) would make this
// test wait about a second per 429 and 3-4 s per 503. The spec below asks Graph for 10 ms instead:
// the seed and the rates alone decide which requests get a fault, so the same requests are
// faulted as under `429:0.3,503:0.1 --fault-seed 7`, and the client still has to wait as told.
const SPEC = '429:0.3:retry-after=0.01,503:0.1:retry-after=0.01';
const SEED = 7;
const CREATES = 200;
const USER_STATUSES = `/deviceManagement/deviceCompliancePolicies/${DEFAULT_POLICY_ID}/userStatuses`;

/**
 * The client `Client.init({ authProvider })` builds: the default chain (authentication, retry with
 * default options, redirect, telemetry, fetch), plus the token set just before the fetch.
 */
function graphClient(baseUrl: string, token: string): Client {
  const authProvider: AuthenticationProvider = { getAccessToken: () => Promise.resolve(token) };
  const chain = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
  chain.splice(chain.length - 1, 0, new BearerTokenMiddleware(async () => token));
  return Client.initWithMiddleware({
    middleware: chain,
    baseUrl: `${baseUrl}/`,
    defaultVersion: 'v1.0',
  });
}

const RETRYABLE = new Set([429, 503, 504]);
const APP_RETRIES = 3;
let appRetries = 0;

/**
 * Creates one status. When the client's own 3 retries run out on a 429, 503 or 504 (nothing was
 * stored), it waits the last answer's Retry-After (1 s without one) and sends it again, up to
 * 3 times; any other failure, and a network error (the create may have been stored), is thrown.
 */
async function createStatus(
  client: Client,
  body: object,
  { honourRetryAfter = true } = {},
): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const created = (await client.api(USER_STATUSES).post(body)) as { id: string };
      return created.id;
    } catch (error) {
      if (!(error instanceof GraphError) || !RETRYABLE.has(error.statusCode)) throw error;
      if (attempt === APP_RETRIES) throw error;
      appRetries += 1;
      const seconds = honourRetryAfter ? Number(error.headers?.get('retry-after') ?? '1') : 0;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}

/** Creates `count` statuses one after the other, each with its own user; their ids. */
async function createStatuses(client: Client, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const body = {
      ...SAMPLE_CREATE_REQUEST,
      userPrincipalName: `user${n}@contoso.onmicrosoft.com`,
    };
    ids.push(await createStatus(client, body));
  }
  return ids;
}

let provider: Provider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

describe(`Microsoft's Graph client through faults ${SPEC} (seed ${SEED})`, () => {
  it(`creates ${CREATES} statuses, each stored exactly once, honouring every Retry-After`, async () => {
    let url: string;
    ({ provider, url } = await startProvider({ faults: faultScheduleFromSpec(SPEC, SEED) }));
    const client = graphClient(url, DEFAULT_TOKEN);
    appRetries = 0;
    const ids = await createStatuses(client, CREATES);
    await provider.close();

    const stored = provider.store.list(DEFAULT_POLICY_ID);
    expect(stored).toHaveLength(CREATES);
    expect(new Set(stored.map((status) => status.userPrincipalName)).size).toBe(CREATES);
    expect(new Set(ids).size).toBe(CREATES);

    const { requests } = provider.record;
    const faulted = requests.filter((request) => request.fault !== undefined);
    // The schedule did bite: about 40% of the requests were answered 429 or 503.
    expect(faulted.length).toBeGreaterThan(CREATES / 4);
    expect(new Set(faulted.map((request) => request.status))).toEqual(new Set([429, 503]));
    // Every fault was retried: one 201 per status, and retries carried Retry-Attempt.
    expect(requests.filter((request) => request.status === 201)).toHaveLength(CREATES);
    expect(requests.some((request) => request.retryAttempt === '1')).toBe(true);

    // Under seed 7, 5 creates meet 4 or 5 faults in a row: the client's 3 retries run out and the
    // application's retry finishes them. No operation needs more than 5 retries in all.
    expect(appRetries).toBe(5);
    expect(requests).toHaveLength(332);

    // Judged from the provider's record with the default bounds (at most 5 retries).
    const findings = judgeClientBehaviour(provider.record, {
      reportedCreates: ids,
      outcome: { ok: true },
    });
    expect(findings).toEqual([]);
    expect(provider.record).toBeResilientClient({ reportedCreates: ids, outcome: { ok: true } });
  });
});

describe(`serve --faults ${SPEC} --fault-seed ${SEED}`, () => {
  it(`logs every fault and reports no client finding after ${CREATES} creates by the Graph client`, async () => {
    const serve = startServe([
      ...['--host', '127.0.0.1', '--port', '0', '--faults', SPEC],
      ...['--fault-seed', String(SEED)],
    ]);
    const ids = await createStatuses(graphClient(await serve.url, DEFAULT_TOKEN), CREATES);
    expect(await serve.stop()).toBe(0);
    expect(new Set(ids).size).toBe(CREATES);

    const faultLines = serve
      .stderr()
      .split('\n')
      .filter((line) => line.startsWith('fault #'));
    expect(faultLines).toHaveLength(332 - CREATES);
    expect(faultLines.every((line) => / (429|503) retry-after=0\.01$/.test(line))).toBe(true);
    expect(serve.stdout() + serve.stderr()).toContain(
      `client behaviour over 332 request(s), ${332 - CREATES} fault(s) injected: ` +
        'Retry-After honoured, retries bounded, no create stored twice\n',
    );
  });
});

describe('the Retry-After oracle on the Graph client', () => {
  it("catches an application retry that does not wait, and not the client's own retries", async () => {
    // Four 429s in a row: the client retries 3 times, waiting 50 ms each, then gives up; the
    // application sends the create again at once.
    const faults = [1, 2, 3, 4].map((at) => ({ at, kind: '429' as const, retryAfter: 0.05 }));
    let url: string;
    ({ provider, url } = await startProvider({ faults: faultScheduleFromList(faults) }));
    const client = graphClient(url, DEFAULT_TOKEN);
    const id = await createStatus(client, SAMPLE_CREATE_REQUEST, { honourRetryAfter: false });
    await provider.close();
    const findings = judgeClientBehaviour(provider.record, {
      reportedCreates: [id],
      outcome: { ok: true },
    });
    expect(findings.map((finding) => finding.rule)).toEqual(['retry-after-honoured']);
    // The finding names the application's retry (the 5th request), not the client's.
    expect(findings[0]?.requests.map((request) => request.ordinal)).toEqual([4, 5]);
  });
});
