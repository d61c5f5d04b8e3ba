import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listIssues } from '../../../../src/validator/listIssues';

/** One thing a tiny provider gets wrong; everything else it does as Graph does. */
export type Defect =
  | 'none'
  | 'wrongStatusCode'
  | 'missingField'
  | 'devicesCountAsString'
  | 'pascalCaseStatus'
  | 'dateWithoutOffset'
  | 'no401WithoutToken';

/** A running tiny provider. */
export interface TinyProvider {
  readonly url: string;
  close(): Promise<void>;
}

const PATH = /^(?:\/v1\.0)?\/deviceManagement\/deviceCompliancePolicies\/([^/]+)\/userStatuses$/;

/**
 * A deliberately small stand-in for Graph's create call, written apart from the reference provider
 * so a verification failure can be pinned on exactly one defect: with `'none'` it is correct.
 */
export async function startTinyProvider(
  defect: Defect,
  options: { token: string; policyId: string },
): Promise<TinyProvider> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  const answer = (req: IncomingMessage, res: ServerResponse, text: string): void => {
    const match = PATH.exec(req.url ?? '');
    if (req.method !== 'POST' || match === null)
      return error(res, 404, 'ResourceNotFound', 'No such resource.');
    const authorized = req.headers.authorization === `Bearer ${options.token}`;
    if (!authorized && defect !== 'no401WithoutToken') {
      return error(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    if (decodeURIComponent(match[1] ?? '') !== options.policyId) {
      return error(res, 404, 'ResourceNotFound', 'The device compliance policy does not exist.');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return error(res, 400, 'BadRequest', 'The body is not JSON.');
    }
    const issues = listIssues('request', body);
    if (issues.length > 0)
      return error(res, 400, 'BadRequest', issues[0]?.message ?? 'Invalid body.');
    const created: Record<string, unknown> = {
      '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
      ...(body as Record<string, unknown>),
      id: `${randomUUID()}_${randomUUID()}_${randomUUID()}`,
    };
    if (defect === 'missingField') delete created['lastReportedDateTime'];
    if (defect === 'devicesCountAsString')
      created['devicesCount'] = String(created['devicesCount']);
    if (defect === 'pascalCaseStatus') {
      const status = String(created['status']);
      created['status'] = status.charAt(0).toUpperCase() + status.slice(1);
    }
    if (defect === 'dateWithoutOffset') {
      created['lastReportedDateTime'] = String(created['lastReportedDateTime']).replace(
        /(Z|[+-]\d\d:\d\d)$/,
        '',
      );
    }
    send(res, defect === 'wrongStatusCode' ? 200 : 201, created);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json;odata.metadata=minimal;charset=utf-8',
  });
  res.end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, code: string, message: string): void {
  const requestId = randomUUID();
  send(res, status, {
    error: { code, message, innerError: { date: '2025-12-12T04:41:01', 'request-id': requestId } },
  });
}
