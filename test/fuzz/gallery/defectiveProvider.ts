import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { createProvider, type Provider } from '../../../src/provider/createProvider';

/** A request as the defective front sees it, before it decides what to do. */
export interface FrontRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A response as the defective front returns it. */
export interface FrontResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One defect: how the front changes a request before the reference provider sees it (or answers
 * it itself), and how it changes the answer on the way back. Everything else is the reference
 * provider's correct behaviour.
 */
export interface Defect {
  readonly request?: (
    request: FrontRequest,
  ) => FrontRequest | FrontResponse | Promise<FrontRequest | FrontResponse>;
  readonly response?: (
    response: FrontResponse,
    request: FrontRequest,
  ) => FrontResponse | Promise<FrontResponse>;
}

/** A running defective provider. */
export interface DefectiveProvider {
  readonly url: string;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'host',
]);

/** Starts the reference provider behind a front that injects one defect. */
export async function startDefectiveProvider(defect: Defect): Promise<DefectiveProvider> {
  const provider: Provider = createProvider({ selfCheck: false });
  const { url: upstream } = await provider.listen({ host: '127.0.0.1', port: 0 });
  let frontUrl = '';
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const front: FrontRequest = {
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: headersOf(incoming),
        body: await readBody(incoming),
      };
      const decided = defect.request ? await defect.request(front) : front;
      let answer: FrontResponse;
      if ('status' in decided) {
        answer = decided;
      } else {
        const forwarded = await request(`${upstream}${decided.path}`, {
          method: decided.method as 'GET',
          headers: decided.headers,
          ...(decided.body === '' && !['POST', 'PUT', 'PATCH'].includes(decided.method)
            ? {}
            : { body: decided.body }),
        });
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(forwarded.headers)) {
          if (value !== undefined && !HOP_BY_HOP.has(name))
            headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        // Links the provider writes (a listing's @odata.nextLink) point at the front, as a real
        // gateway's would.
        const text = (await forwarded.body.text()).split(upstream).join(frontUrl);
        answer = { status: forwarded.statusCode, headers, body: text };
        if (defect.response) answer = await defect.response(answer, decided);
      }
      outgoing.writeHead(answer.status, answer.headers);
      outgoing.end(answer.body);
    })().catch((error: unknown) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`front failed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  frontUrl = `http://127.0.0.1:${port}`;
  return {
    url: frontUrl,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await provider.close();
    },
  };
}

function headersOf(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name))
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
