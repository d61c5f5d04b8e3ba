import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import { fieldName, type OptionNamer } from '../errors';
import { classifyRequestFailure, withinTimeLimit } from './_internals/describeRequestFailure';
import { readLimitedBody } from './readLimitedBody';

/**
 * The most of one answer's body the Pact step reads: 1 MiB, some 500 times the largest answer the
 * contract describes. Pact's verifier keeps several copies of every body it compares, so a larger
 * answer fails its interaction, said to be too large, and is never handed to it.
 */
export const MAX_ANSWER_BYTES = 1_048_576;

/** Options of `startProviderGuard`. */
export interface ProviderGuardOptions {
  /** The provider's base URL: each request's path is appended to it. */
  readonly baseUrl: string;
  /** How long one request may take, in milliseconds. */
  readonly timeoutMs: number;
  /**
   * The `performance.now()` time after which no request is sent to the provider any more.
   * @defaultValue `Infinity`
   */
  readonly deadline?: number;
  /**
   * The most of an answer's body that is read.
   * @defaultValue `MAX_ANSWER_BYTES`
   */
  readonly maxBodyBytes?: number;
  /**
   * Names an option in `problems` (`timeoutMs`, `maxTimeSeconds`): the CLI names them by their flags.
   * @defaultValue the option's field name
   */
  readonly optionName?: OptionNamer;
}

/** A running guard: see `startProviderGuard`. */
export interface ProviderGuard {
  /** Where the verifier sends its requests instead of the provider's base URL. */
  readonly url: string;
  /**
   * One entry per request received, in order: why it failed (a timeout, a closed connection, an
   * answer too large), or `undefined` when the provider's answer was passed on.
   */
  readonly problems: readonly (string | undefined)[];
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
}

// Headers that describe one connection, not the message: never passed on.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'content-length',
]);

// setTimeout's (and so AbortSignal.timeout's) largest delay.
const MAX_TIMER_MS = 2_147_483_647;
const MIN_TIME_LEFT_MS = 10;

/**
 * Starts a loopback HTTP server that stands between Pact's verifier and the provider: it passes
 * each request on and the answer back, unless the answer takes longer than `timeoutMs` (or than
 * the time left before `deadline`), the provider closes the connection, or the body is larger than
 * `maxBodyBytes`. Then the verifier gets a 502 instead and `problems` names the cause, so a
 * hostile or broken provider costs a bounded time and memory, and its failure says why.
 */
export async function startProviderGuard(options: ProviderGuardOptions): Promise<ProviderGuard> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const deadline = options.deadline ?? Infinity;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_ANSWER_BYTES;
  const optionName = options.optionName ?? fieldName;
  const problems: (string | undefined)[] = [];
  const dispatcher = new Agent({ keepAliveTimeout: 1_000 });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const index = problems.push(undefined) - 1;
    const fail = (problem: string): void => {
      problems[index] = problem;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${problem}\n`);
    };
    let body: Buffer;
    try {
      body = await readRequestBody(req);
    } catch {
      problems[index] = 'the verifier gave up on its request before sending all of it';
      res.destroy();
      return;
    }
    const left = deadline - performance.now();
    // A few milliseconds are no time to answer in (and a timer may fire a millisecond early).
    if (left < MIN_TIME_LEFT_MS) {
      fail(`not sent: the ${optionName('maxTimeSeconds')} budget was used up`);
      return;
    }
    const limitMs = Math.max(1, Math.round(Math.min(options.timeoutMs, left, MAX_TIMER_MS)));
    const byBudget = left < options.timeoutMs;
    let status: number | undefined;
    try {
      const answer = await request(`${base}${req.url ?? ''}`, {
        method: (req.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: forwardedHeaders(req.headers),
        ...(body.length === 0 ? {} : { body }),
        dispatcher,
        headersTimeout: limitMs,
        bodyTimeout: limitMs,
        signal: AbortSignal.timeout(limitMs),
      });
      status = answer.statusCode;
      const { bytes, truncated } = await readLimitedBody(answer.body, maxBodyBytes);
      if (truncated) {
        fail(
          `too large: the provider answered ${status} with a body larger than ${describeSize(maxBodyBytes)}, ` +
            'the most the Pact step reads; it was cut there and not compared',
        );
        return;
      }
      res.writeHead(status, answerHeaders(answer.headers, bytes.length, req.method, status));
      res.end(bytes);
    } catch (error) {
      fail(describeFailure(error, { limitMs, byBudget, answered: status }, optionName));
    }
  };

  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    problems,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dispatcher.destroy();
    },
  };
}

async function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forwardedHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const forwarded: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) forwarded[name] = value;
  }
  return forwarded;
}

function answerHeaders(
  headers: Record<string, string | string[] | undefined>,
  length: number,
  method: string | undefined,
  status: number,
): Record<string, string | string[]> {
  const passed: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) passed[name] = value;
  }
  // A HEAD answer, a 204 and a 304 carry no body: their Content-Length (if any) is not ours to set.
  if (method !== 'HEAD' && status !== 204 && status !== 304) passed['content-length'] = `${length}`;
  return passed;
}

function describeSize(bytes: number): string {
  return bytes % 1_048_576 === 0 ? `${bytes / 1_048_576} MiB` : `${bytes} bytes`;
}

function describeFailure(
  error: unknown,
  context: { limitMs: number; byBudget: boolean; answered: number | undefined },
  optionName: OptionNamer,
): string {
  // Duck-typed: socket errors may come from another realm, where `instanceof Error` is false.
  const { code, message, cause } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
    cause?: { code?: unknown };
  };
  const errno = typeof code === 'string' ? code : String(cause?.code ?? '');
  const kind = classifyRequestFailure(error);
  if (kind === 'timeout') {
    const limit = { ms: context.limitMs, byBudget: context.byBudget };
    return `timed out: no complete answer ${withinTimeLimit(limit, optionName)}`;
  }
  if (kind === 'closed') {
    return context.answered === undefined
      ? `the provider closed the connection before answering (${errno})`
      : `the provider closed the connection in the middle of its ${context.answered} answer (${errno})`;
  }
  if (errno === 'UND_ERR_HEADERS_OVERFLOW') {
    return "too large: the provider's answer headers are larger than the 16 KiB read";
  }
  if (errno === 'ECONNREFUSED') {
    return 'the provider refused the connection (ECONNREFUSED): did it stop?';
  }
  const text = typeof message === 'string' ? message : String(error);
  return `the request failed: ${errno === '' ? text : `${errno}: ${text}`}`;
}
