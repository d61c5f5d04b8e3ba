import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import type { FuzzCase } from '../../../src/fuzz/_internals/FuzzCase';
import type { FuzzTarget } from '../../../src/fuzz/_internals/FuzzTarget';
import { runCase } from '../../../src/fuzz/_internals/runCase';

const BODY = {
  userDisplayName: 'A',
  devicesCount: 1,
  status: 'compliant' as const,
  lastReportedDateTime: '2026-01-01T00:00:00Z',
  userPrincipalName: null,
};

async function listen(handler: (request: IncomingMessage) => [number, unknown]): Promise<{
  url: string;
  seen: string[];
  close(): Promise<void>;
}> {
  const seen: string[] = [];
  const server: Server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    request.resume();
    request.on('end', () => {
      const [status, body] = handler(request);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function targetOf(baseUrl: string, dispatcher: Agent): FuzzTarget {
  return {
    baseUrl,
    token: 't',
    policyId: 'p',
    timeoutMs: 5000,
    dispatcher,
    acquire: () => Promise.resolve(),
    onRequest: () => undefined,
  };
}

const authCase: FuzzCase = {
  kind: 'auth',
  body: BODY,
  variant: 'missing',
  marker: 'the-marker',
  verifyListing: true,
};

describe('runCase', () => {
  it("follows a listing's @odata.nextLink under the target, page by page", async () => {
    let origin = '';
    const server = await listen((request) => {
      if (request.method === 'POST') return [401, {}];
      return request.url?.includes('$skiptoken=2')
        ? [200, { value: [{ userDisplayName: 'the-marker' }] }]
        : [200, { value: [], '@odata.nextLink': `${origin}${request.url}?$skiptoken=2` }];
    });
    origin = server.url;
    const dispatcher = new Agent();
    try {
      const outcome = await runCase(authCase, targetOf(`${server.url}/v1.0`, dispatcher));
      expect(outcome.listing).toHaveLength(2);
      expect(server.seen.filter((line) => line.startsWith('GET'))).toEqual([
        'GET /v1.0/deviceManagement/deviceCompliancePolicies/p/userStatuses',
        'GET /v1.0/deviceManagement/deviceCompliancePolicies/p/userStatuses?$skiptoken=2',
      ]);
    } finally {
      await dispatcher.close();
      await server.close();
    }
  });

  it('never follows a nextLink to another server', async () => {
    const elsewhere = await listen(() => [200, { value: [] }]);
    const server = await listen((request) =>
      request.method === 'POST'
        ? [401, {}]
        : [200, { value: [], '@odata.nextLink': `${elsewhere.url}/steal?$skiptoken=2` }],
    );
    const dispatcher = new Agent();
    try {
      const outcome = await runCase(authCase, targetOf(server.url, dispatcher));
      expect(outcome.listing).toHaveLength(1);
      expect(elsewhere.seen).toEqual([]);
    } finally {
      await dispatcher.close();
      await server.close();
      await elsewhere.close();
    }
  });
});
