import { bearerTokenProblem } from './bearerTokenProblem';
import { MAX_REQUEST_HEADERS } from '../defaults';
import type { Exchange } from './Exchange';
import type { Refusal } from './Reply';
import { truncate } from './truncate';

/** One check a request must pass before it is answered: a refusal, or `undefined` to go on. */
export type Guard = (exchange: Exchange) => Refusal | undefined;

// HEAD is answered as GET without the body (RFC 9110 §9.3.2).
const COLLECTION_METHODS = 'GET, HEAD, POST';
const ITEM_METHODS = 'GET, HEAD, PATCH, DELETE';
const COLLECTION_ALLOWS = new Set(COLLECTION_METHODS.split(', '));
const ITEM_ALLOWS = new Set(ITEM_METHODS.split(', '));

/** 431: more header fields than the provider reads. */
const headerCountGuard: Guard = ({ req }) => {
  const headerCount =
    req.rawHeaders === undefined ? Object.keys(req.headers).length : req.rawHeaders.length / 2;
  if (headerCount <= MAX_REQUEST_HEADERS) return undefined;
  return {
    status: 431,
    message: `The request has more than ${MAX_REQUEST_HEADERS} header fields; send fewer.`,
  };
};

/** 417: an `Expect` other than 100-continue. */
const expectationGuard: Guard = ({ req }) => {
  const expectation = req.headers.expect;
  if (expectation === undefined || expectation.trim().toLowerCase() === '100-continue') {
    return undefined;
  }
  return {
    status: 417,
    message: `Expect: ${JSON.stringify(truncate(expectation))} cannot be met; only 100-continue is supported.`,
  };
};

/** 401: no accepted bearer token. */
const authGuard: Guard = ({ req, config }) => {
  const problem = bearerTokenProblem(req.headers.authorization, config.tokens);
  return problem === undefined
    ? undefined
    : { status: 401, message: problem, headers: { 'www-authenticate': 'Bearer' } };
};

/** 429: over the simulated rate, with a Retry-After. */
const throttleGuard: Guard = ({ config }) => {
  if (config.throttle === undefined) return undefined;
  const waitSeconds = config.throttle.take();
  if (waitSeconds <= 0) return undefined;
  // Whole seconds, as HTTP defines Retry-After, rounded up so a retry is never early.
  const retryAfter = String(Math.max(1, Math.ceil(waitSeconds)));
  return {
    status: 429,
    message: `Too many requests: this provider is throttled; retry after ${retryAfter} second(s).`,
    headers: { 'retry-after': retryAfter },
  };
};

/** 400 for a malformed percent-encoding, 404 for a path that is no user status resource. */
const routeGuard: Guard = ({ req, route }) => {
  if (route.kind === 'badEncoding') {
    return { status: 400, message: `The request path has a malformed percent-encoding.` };
  }
  if (route.kind === 'collection' || route.kind === 'item') return undefined;
  const target = req.url ?? '/';
  return {
    status: 404,
    message:
      `Resource not found for ${JSON.stringify(truncate(target.split('?')[0] ?? ''))}: user statuses live at ` +
      '/v1.0/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/userStatuses[/{id}].',
  };
};

/** 405, with an Allow: a method the collection or the item does not serve. */
const methodGuard: Guard = ({ req, route }) => {
  if (route.kind !== 'collection' && route.kind !== 'item') return undefined;
  const method = req.method ?? '';
  const collection = route.kind === 'collection';
  if ((collection ? COLLECTION_ALLOWS : ITEM_ALLOWS).has(method)) return undefined;
  const allowed = collection ? COLLECTION_METHODS : ITEM_METHODS;
  return {
    status: 405,
    message: `${method} is not allowed on ${collection ? 'the userStatuses collection' : 'a user status'}; allowed: ${allowed}.`,
    headers: { allow: allowed },
  };
};

/** 404: a policy that does not exist. */
const policyGuard: Guard = ({ route, config }) => {
  if (route.kind !== 'collection' && route.kind !== 'item') return undefined;
  if (config.policies.has(route.policyId)) return undefined;
  return {
    status: 404,
    message: `The device compliance policy ${JSON.stringify(truncate(route.policyId))} does not exist.`,
  };
};

/** The HTTP-level guards, in order: they run before any route, the provider-state one included. */
export const HTTP_GUARDS: readonly Guard[] = [headerCountGuard, expectationGuard];

/**
 * The guards of the user status routes, in order; a request that passes them all is for an
 * existing policy's collection or item, with a method it serves.
 */
export const RESOURCE_GUARDS: readonly Guard[] = [
  authGuard,
  throttleGuard,
  routeGuard,
  methodGuard,
  policyGuard,
];

/** Answers the first refusal among `guards`; whether the request was refused. */
export function refusedBy(guards: readonly Guard[], exchange: Exchange): boolean {
  for (let at = 0; at < guards.length; at += 1) {
    const refusal = (guards[at] as Guard)(exchange);
    if (refusal !== undefined) {
      exchange.reply.refuse(refusal);
      return true;
    }
  }
  return false;
}
