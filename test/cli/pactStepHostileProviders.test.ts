import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli';

// The Pact step of verify and check against small hostile servers on 127.0.0.1.

const TOKEN = 'hostile-provider-secret-token';
const POLICY_ID = 'p';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Hostile {
  readonly url: string;
  readonly posts: () => number;
  readonly close: () => Promise<void>;
}

/**
 * A server whose POSTs get `onPost`; anything else (the reachability probe's GET) gets `onOther`,
 * by default a plain 200.
 */
async function startHostile(onPost: Handler, onOther?: Handler): Promise<Hostile> {
  let posts = 0;
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST') {
      posts++;
      onPost(req, res);
    } else if (onOther) onOther(req, res);
    else res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts: () => posts,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Answers 201 with the request's Authorization header in every field and in a header. */
const echoToken: Handler = (req, res) => {
  const auth = req.headers.authorization ?? '';
  res.writeHead(201, { 'content-type': 'application/json', 'x-echo': auth });
  res.end(
    JSON.stringify({
      '@odata.type': auth,
      id: auth,
      devicesCount: auth,
      status: auth,
      lastReportedDateTime: auth,
      error: { code: auth, message: `token ${auth}` },
    }),
  );
};

const target = (url: string): string[] => [
  '--base-url',
  url,
  '--token',
  TOKEN,
  '--policy-id',
  POLICY_ID,
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pact-step-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the Pact step and the bearer token a server echoes', () => {
  it('verify prints $TOKEN where the server echoed the token, and the token with --show-token', async () => {
    const server = await startHostile(echoToken);
    try {
      const hidden = await runCli(['verify', ...target(server.url)]);
      expect(hidden.stdout).toContain('$TOKEN');
      expect(hidden.stdout + hidden.stderr).not.toContain(TOKEN);
      expect(hidden.code).toBe(1);
      const shown = await runCli(['verify', ...target(server.url), '--show-token']);
      expect(shown.stdout).toContain(TOKEN);
      expect(shown.code).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('check keeps the token out of its Pact output and the Pact parts of its reports', async () => {
    const server = await startHostile(echoToken);
    const json = join(dir, 'echo.json');
    const junit = join(dir, 'echo.xml');
    try {
      const result = await runCli([
        'check',
        ...target(server.url),
        '--runs',
        '1',
        '--max-time',
        '5',
        '--no-save-failures',
        '--report',
        `json=${json}`,
        '--report',
        `junit=${junit}`,
      ]);
      const pactOutput = result.stdout.slice(0, result.stdout.indexOf('\n\n'));
      expect(pactOutput).toMatch(/^Pact verification:\n/);
      expect(pactOutput).toContain('$TOKEN');
      expect(pactOutput).not.toContain(TOKEN);
      const report = JSON.parse(await readFile(json, 'utf8')) as { pact: unknown };
      expect(JSON.stringify(report.pact)).not.toContain(TOKEN);
      const xml = await readFile(junit, 'utf8');
      const pactSuite = /<testsuite name="pact"[\s\S]*?<\/testsuite>/.exec(xml)?.[0] ?? '';
      expect(pactSuite).toContain('$TOKEN');
      expect(pactSuite).not.toContain(TOKEN);
    } finally {
      await server.close();
    }
  });
});
