import { createBodyDigest } from '../../faults/createBodyDigest';
import { faultAnswer } from './faultAnswer';
import type { FaultInjector, RecordEntry } from '../FaultInjector';
import type { ProviderRequest } from './ProviderRequest';
import type { ProviderResponse } from './ProviderResponse';
import type { RequestLogLine } from '../RequestLogLine';

type Handler = (req: ProviderRequest, res: ProviderResponse) => void;

/**
 * Wraps the request handler with a fault schedule, for `node:http`: a 429, 503 or 504 is answered
 * here once the body has arrived; a reset destroys the socket, before the handler runs
 * (`reset-before-store`) or once it has answered, the answer dropped (`reset-after-store`);
 * latency delays the handler. With recording on, every request is recorded. Only built when
 * faults or recording are asked for, so the plain handler runs without a branch otherwise.
 */
export function createFaultyHandler(
  handler: Handler,
  injector: FaultInjector,
  maxBodyBytes: number,
  onRequest: ((line: RequestLogLine) => void) | undefined,
): Handler {
  return (req, res) => {
    const method = req.method ?? '-';
    const path = req.url ?? '-';
    const { fault, entry } = injector.begin(method, path, (name) => headerText(req, name));
    // Attached just before the handler's own listeners: the body starts flowing once they are.
    const digest = (): void => {
      if (entry !== undefined) digestBody(req, entry, maxBodyBytes);
    };
    // The handler catches its own failures (a Graph 500), so nothing here can throw.
    const answer = (): void => {
      digest();
      handler(req, entry === undefined ? res : recording(res, entry, injector));
    };
    if (fault === undefined) {
      answer();
      return;
    }
    switch (fault.kind) {
      case 'latency':
        void injector.sleep(fault.ms).then(answer);
        return;
      case 'reset-after-store':
        digest();
        handler(req, cutAfterAnswer(req, res, entry, injector));
        return;
      case 'reset-before-store':
        digest();
        afterBody(req, () => {
          req.socket.destroy();
          injector.finish(entry, 0, () => undefined, false);
          onRequest?.({ method, path, status: 0, durationMs: 0, requestId: '' });
        });
        return;
      default: {
        const started = performance.now();
        const { status, head, body } = faultAnswer(fault, headerText(req, 'client-request-id'));
        digest();
        afterBody(req, () => {
          res.writeHead(status, head);
          res.end(body);
          injector.finish(entry, status, (name) => headOf(head, name), true);
          onRequest?.({
            method,
            path,
            status,
            durationMs: performance.now() - started,
            requestId: headOf(head, 'request-id') ?? '',
          });
        });
      }
    }
  };
}

/** Reads the body to its end (discarding it), then calls `then`; an aborted body calls nothing. */
function afterBody(req: ProviderRequest, then: () => void): void {
  req.on('data', () => undefined);
  req.on('end', then);
  req.on('error', () => undefined);
}

function digestBody(req: ProviderRequest, entry: RecordEntry, maxBodyBytes: number): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') return;
  const digest = createBodyDigest(maxBodyBytes);
  req.on('data', (chunk: Buffer) => digest.update(chunk));
  req.on('end', () => {
    entry.bodyDigest = digest.digest();
  });
}

/** The response, recording the status and headers written into the entry. */
function recording(
  res: ProviderResponse,
  entry: RecordEntry,
  injector: FaultInjector,
): ProviderResponse {
  const recorded: ProviderResponse = {
    get headersSent() {
      return res.headersSent;
    },
    get statusCode() {
      return res.statusCode;
    },
    writeHead(status, head) {
      injector.finish(entry, status, (name) => headOf(head, name), true);
      return res.writeHead(status, head);
    },
    end: (body) => res.end(body),
    once(event, listener) {
      res.once(event, listener);
      return recorded;
    },
  };
  return recorded;
}

/**
 * A response that lets the handler do its work (store the create) and then, instead of writing
 * the answer, destroys the connection: the client cannot tell whether the request was applied.
 * The handler's log line says `closed` (status 0).
 */
function cutAfterAnswer(
  req: ProviderRequest,
  res: ProviderResponse,
  entry: RecordEntry | undefined,
  injector: FaultInjector,
): ProviderResponse {
  let written = false;
  const cut: ProviderResponse = {
    get headersSent() {
      return written;
    },
    get statusCode() {
      return 0;
    },
    writeHead(status, head) {
      written = true;
      injector.finish(entry, status, (name) => headOf(head, name), false);
      return cut;
    },
    end() {
      written = true;
      req.socket.destroy();
      return cut;
    },
    once(event, listener) {
      res.once(event, listener);
      return cut;
    },
  };
  return cut;
}

function headerText(req: ProviderRequest, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** A header's value in a flat `[name, value, ...]` list (names lower-case). */
function headOf(head: readonly string[], name: string): string | undefined {
  for (let at = 0; at + 1 < head.length; at += 2) {
    if (head[at] === name) return head[at + 1];
  }
  return undefined;
}
