import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { optionFlag } from '../../src/cli/optionFlags';
import { startProviderGuard, type ProviderGuardOptions } from '../../src/pact/startProviderGuard';

/** Sends one request through a guard in front of `baseUrl` and answers the problem it recorded. */
async function problemOf(options: ProviderGuardOptions): Promise<string | undefined> {
  const guard = await startProviderGuard(options);
  try {
    const answer = await request(`${guard.url}/users`, { method: 'POST', body: '{}' });
    await answer.body.dump();
    return guard.problems[0];
  } finally {
    await guard.close();
  }
}

describe('startProviderGuard', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    // Answers /ok at once; never answers anything else.
    server = createServer((req, res) => {
      if (req.url === '/ok') res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('passes an answer on and records no problem', async () => {
    const guard = await startProviderGuard({ baseUrl, timeoutMs: 5_000 });
    try {
      const answer = await request(`${guard.url}/ok`);
      expect(answer.statusCode).toBe(200);
      expect(await answer.body.text()).toBe('{}');
      expect(guard.problems).toEqual([undefined]);
    } finally {
      await guard.close();
    }
  });

  it('names the request timeout by its option field, as library callers write it', async () => {
    expect(await problemOf({ baseUrl, timeoutMs: 200 })).toBe(
      'timed out: no complete answer within 200 ms (timeoutMs)',
    );
  });

  it('names the budget by its option field once it is used up', async () => {
    expect(await problemOf({ baseUrl, timeoutMs: 5_000, deadline: performance.now() })).toBe(
      'not sent: the maxTimeSeconds budget was used up',
    );
  });

  it('names both by the flags the CLI gives them when asked to', async () => {
    expect(await problemOf({ baseUrl, timeoutMs: 200, optionName: optionFlag })).toBe(
      'timed out: no complete answer within 200 ms (--request-timeout)',
    );
    expect(
      await problemOf({
        baseUrl,
        timeoutMs: 5_000,
        deadline: performance.now(),
        optionName: optionFlag,
      }),
    ).toBe('not sent: the --max-time budget was used up');
  });
});
