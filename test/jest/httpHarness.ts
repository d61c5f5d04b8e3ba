import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProvider, type Provider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { readFixture } from '../helpers/fixtureManifest';

/** A canned answer of the tiny server: status, content type and raw body text. */
export interface CannedAnswer {
  readonly status: number;
  readonly contentType?: string;
  readonly body: string;
}

/** A listening server: its base URL, its handler (for supertest) and a way to stop it. */
export interface RunningServer {
  readonly url: string;
  readonly handler: RequestListener;
  close(): Promise<void>;
}

/**
 * The handler of a tiny server answering each path of `answers` with its canned answer, `/echo`
 * with the request body sent back as is, and anything else with a plain-text 404.
 */
export function cannedHandler(answers: Readonly<Record<string, CannedAnswer>>): RequestListener {
  return (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/echo') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(200, {
          'content-type': request.headers['content-type'] ?? 'text/plain',
        });
        response.end(Buffer.concat(chunks));
      });
      return;
    }
    const answer = answers[path] ?? { status: 404, contentType: 'text/plain', body: 'no route' };
    response.writeHead(
      answer.status,
      answer.contentType === undefined ? {} : { 'content-type': answer.contentType },
    );
    response.end(answer.body);
  };
}

/** Starts the tiny server on a free loopback port. */
export async function startCannedServer(
  answers: Readonly<Record<string, CannedAnswer>>,
): Promise<RunningServer> {
  const handler = cannedHandler(answers);
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    handler,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A valid create body (documented profile), from the golden fixtures. */
export const CREATE_BODY = readFixture('valid/status-compliant.json') as Readonly<
  Record<string, unknown>
>;

/** A valid entity as a server returns it, from the golden fixtures. */
export const ENTITY = readFixture('valid/entity/status-compliant.json') as Readonly<
  Record<string, unknown>
>;

/** The reference provider, listening, with what a test needs to call it. */
export interface RunningProvider {
  readonly provider: Provider;
  readonly url: string;
  /** The create path of the policy that exists. */
  readonly createPath: string;
  /** The create path of a policy that does not exist (Graph answers 404). */
  readonly missingPolicyPath: string;
  /** The bearer token header the provider accepts. */
  readonly authorization: string;
}

/** Starts the reference provider on a free loopback port, with its self-check on. */
export async function startReferenceProvider(): Promise<RunningProvider> {
  const provider = createProvider({ selfCheck: true });
  const { url } = await provider.listen({ host: '127.0.0.1', port: 0 });
  const path = (policyId: string): string =>
    `/v1.0/deviceManagement/deviceCompliancePolicies/${policyId}/userStatuses`;
  return {
    provider,
    url,
    createPath: path(DEFAULT_POLICY_ID),
    missingPolicyPath: path('99999999-2222-4333-8444-555555555555'),
    authorization: `Bearer ${DEFAULT_TOKEN}`,
  };
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The message of what `run` throws, without colours; fails the test when it does not throw. */
export function failureMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message.replace(ANSI, '');
  }
  throw new Error('expected the assertion to fail, but it passed');
}

/** The message `assertion` rejects with, without colours; fails the test when it resolves. */
export async function rejectionMessage(assertion: Promise<unknown> | unknown): Promise<string> {
  try {
    await assertion;
  } catch (error) {
    return (error as Error).message.replace(ANSI, '');
  }
  throw new Error('expected the assertion to fail, but it passed');
}
