import { createStatus } from './createStatus';
import type { Exchange } from './Exchange';
import { HTTP_GUARDS, RESOURCE_GUARDS, refusedBy } from './guards';
import { listStatuses } from './listStatuses';
import { providerStateChange } from './providerStateChange';
import { Reply } from './Reply';
import { truncate } from './truncate';
import { updateStatus } from './updateStatus';
import { matchRoute, type ResourceRoute } from '../matchRoute';
import type { ProviderRequest } from './ProviderRequest';
import type { ProviderResponse } from './ProviderResponse';
import type { RequestHandlerConfig } from './RequestHandlerConfig';

/**
 * The status a transport answered outside the handler on a request's connection (a timeout the
 * server answers on the socket), so the request's log line can say it; `undefined` if none.
 */
export type StatusAnsweredOutside = (socket: ProviderRequest['socket']) => number | undefined;

/**
 * The reference provider's request handler, for `node:http` (whose `IncomingMessage` and
 * `ServerResponse` fit its request and response types as they are) and, through
 * `createFetchExchange`, for fetch `Request`s. Checks run in a fixed, documented order: header
 * count (431), an `Expect` other than 100-continue (417), provider-state route (when enabled),
 * auth (401), throttle (429), route (404), method (405), policy and status existence (404), the
 * listing's `$top` and `$skiptoken` (400), Content-Type and Content-Encoding (415), body size
 * (413), UTF-8 and JSON (400), the request contract (400). Whatever the input, it answers a 4xx
 * or a 2xx; a last-resort catch turns a bug into a Graph 500 instead of a crash.
 */
export function createRequestHandler(
  config: RequestHandlerConfig,
  statusAnsweredOutside?: StatusAnsweredOutside,
): (req: ProviderRequest, res: ProviderResponse) => void {
  return (req, res) => {
    const reply = new Reply(req, res, config.selfCheck);
    const { onRequest } = config;
    if (onRequest !== undefined) {
      const started = performance.now();
      res.once('close', () =>
        onRequest({
          method: req.method ?? '-',
          path: req.url ?? '-',
          // A timeout is answered on the socket by the server, not through `res`.
          status: res.headersSent ? res.statusCode : (statusAnsweredOutside?.(req.socket) ?? 0),
          durationMs: performance.now() - started,
          requestId: reply.requestId,
        }),
      );
    }
    try {
      answer({ req, route: matchRoute(req.url ?? '/'), config, reply });
    } catch (error) {
      reply.internalError(error);
    }
  };
}

function answer(exchange: Exchange): void {
  if (refusedBy(HTTP_GUARDS, exchange)) return;
  const { req, config, reply } = exchange;
  if (exchange.route.kind === 'providerStates' && config.enableStateRoute) {
    providerStateChange(exchange);
    return;
  }
  if (refusedBy(RESOURCE_GUARDS, exchange)) return;
  // The route guard lets only the collection and its items through.
  const at = exchange.route as ResourceRoute;
  const method = req.method ?? '';
  const reads = method === 'GET' || method === 'HEAD';
  if (at.kind === 'collection') {
    if (reads) listStatuses(exchange, at);
    else createStatus(exchange, at);
    return;
  }
  const stored = config.store.get(at.policyId, at.statusId);
  if (stored === undefined) {
    reply.error(
      404,
      `The user status ${JSON.stringify(truncate(at.statusId))} does not exist under policy ${JSON.stringify(truncate(at.policyId))}.`,
    );
    return;
  }
  if (reads) {
    reply.entity(200, at, stored);
  } else if (method === 'DELETE') {
    config.store.delete(at.policyId, at.statusId);
    reply.send(204, undefined, undefined);
  } else {
    updateStatus(exchange, at, stored);
  }
}
