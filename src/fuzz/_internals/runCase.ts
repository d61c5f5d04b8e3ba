import { SAMPLE_CREATE_REQUEST } from '../../contracts/sampleCreateRequest';
import { userStatusesPath } from '../../contracts/userStatusesPath';
import type { CaseOutcome } from './CaseOutcome';
import type { FuzzExchange, FuzzRequest, FuzzResponse } from './FuzzExchange';
import type { FuzzCase } from './FuzzCase';
import { itemPath, type FuzzTarget } from './FuzzTarget';
import { responseJson } from './responseJson';
import { sendRequest } from './sendRequest';

const MAX_THROTTLE_RETRIES = 3;
const MAX_RETRY_AFTER_MS = 10_000;

/** Sends one case's requests to the target and collects what came back. Never throws. */
export async function runCase(fuzzCase: FuzzCase, target: FuzzTarget): Promise<CaseOutcome> {
  const exchanges: FuzzExchange[] = [];
  const send = async (request: FuzzRequest): Promise<FuzzExchange> => {
    const exchange = await sendWithRetry(request, target);
    exchanges.push(exchange);
    return exchange;
  };
  const collection = userStatusesPath(target.policyId);
  switch (fuzzCase.kind) {
    case 'create': {
      const main = await send(post(collection, target, JSON.stringify(fuzzCase.body)));
      const id = createdId(main);
      const readBack =
        id === undefined ? undefined : await send(get(itemPath(target.policyId, id), target));
      return { fuzzCase, exchanges, main, ...(readBack ? { readBack } : {}) };
    }
    case 'lifecycle': {
      const main = await send(post(collection, target, JSON.stringify(fuzzCase.body)));
      const id = createdId(main);
      if (id === undefined) return { fuzzCase, exchanges, main };
      const path = itemPath(target.policyId, id);
      const deletion = await send({ method: 'DELETE', path, headers: authorized(target) });
      const deleted = deletion.response.kind === 'response' && deletion.response.status === 204;
      const readAfterDelete = deleted ? await send(get(path, target)) : undefined;
      return {
        fuzzCase,
        exchanges,
        main,
        deletion,
        ...(readAfterDelete ? { readAfterDelete } : {}),
      };
    }
    case 'invalid': {
      const main = await send(
        post(collection, target, JSON.stringify(fuzzCase.body) ?? 'undefined'),
      );
      return { fuzzCase, exchanges, main };
    }
    case 'malformed': {
      const main = await send(post(collection, target, fuzzCase.text));
      return { fuzzCase, exchanges, main };
    }
    case 'auth': {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/json',
      };
      if (fuzzCase.authorization !== undefined) headers['authorization'] = fuzzCase.authorization;
      const body = JSON.stringify({ ...fuzzCase.body, userDisplayName: fuzzCase.marker });
      const main = await send({ method: 'POST', path: collection, headers, body });
      if (!fuzzCase.verifyListing) return { fuzzCase, exchanges, main };
      const listing = await listAll(collection, target, send);
      return { fuzzCase, exchanges, main, listing };
    }
    case 'unknownParent': {
      const main = await send(
        post(userStatusesPath(fuzzCase.policyId), target, JSON.stringify(fuzzCase.body)),
      );
      return { fuzzCase, exchanges, main };
    }
    case 'mediaType': {
      const headers: Record<string, string> = { ...authorized(target) };
      if (fuzzCase.contentType !== undefined) headers['content-type'] = fuzzCase.contentType;
      const main = await send({
        method: 'POST',
        path: collection,
        headers,
        body: JSON.stringify(fuzzCase.body),
      });
      return { fuzzCase, exchanges, main };
    }
    case 'method': {
      let path = collection;
      if (fuzzCase.target === 'item') {
        // A real status, so that a 404 for a missing id cannot stand in for the 405.
        const created = await send(sampleCreateRequest(target));
        const id = createdId(created);
        path = itemPath(target.policyId, id ?? 'missing-status-id');
      }
      const main = await send({
        method: fuzzCase.method,
        path,
        headers: { ...authorized(target), 'content-type': 'application/json' },
        body: JSON.stringify(SAMPLE_CREATE_REQUEST),
      });
      return { fuzzCase, exchanges, main };
    }
  }
}

/** An authorised, valid create under the target's policy: the probe before a run sends it too. */
export function sampleCreateRequest(target: FuzzTarget): FuzzRequest {
  return post(userStatusesPath(target.policyId), target, JSON.stringify(SAMPLE_CREATE_REQUEST));
}

function authorized(target: FuzzTarget): Record<string, string> {
  return { authorization: `Bearer ${target.token}`, accept: 'application/json' };
}

function post(path: string, target: FuzzTarget, body: string): FuzzRequest {
  return {
    method: 'POST',
    path,
    headers: { ...authorized(target), 'content-type': 'application/json' },
    body,
  };
}

function get(path: string, target: FuzzTarget): FuzzRequest {
  return { method: 'GET', path, headers: authorized(target) };
}

/** At most this many pages of a listing are read (100,000 statuses at Graph's 100 a page). */
const MAX_LISTING_PAGES = 1_000;

/**
 * Lists the collection, following `@odata.nextLink` page by page as Graph pages it. Only links
 * under the target's base URL are followed, so a server cannot send the fuzzer elsewhere.
 */
async function listAll(
  collection: string,
  target: FuzzTarget,
  send: (request: FuzzRequest) => Promise<FuzzExchange>,
): Promise<FuzzExchange[]> {
  const pages: FuzzExchange[] = [];
  let path: string | undefined = collection;
  while (path !== undefined && pages.length < MAX_LISTING_PAGES) {
    const page = await send(get(path, target));
    pages.push(page);
    const next = (
      responseJson(page.response)?.value as { '@odata.nextLink'?: unknown } | undefined
    )?.['@odata.nextLink'];
    path =
      page.response.kind === 'response' &&
      page.response.status === 200 &&
      typeof next === 'string' &&
      next.startsWith(`${target.baseUrl}/`)
        ? next.slice(target.baseUrl.length)
        : undefined;
  }
  return pages;
}

function createdId(exchange: FuzzExchange): string | undefined {
  if (exchange.response.kind !== 'response' || exchange.response.status !== 201) return undefined;
  const id = (responseJson(exchange.response)?.value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Whether an answer is throttling: a 429, or a 503/504 with `Retry-After` (Graph's way to say
 * "later"). A case whose answer stays throttled after the retries has not been judged.
 */
export function isThrottled(response: FuzzResponse): boolean {
  if (response.kind !== 'response') return false;
  if (response.status === 429) return true;
  return (
    (response.status === 503 || response.status === 504) &&
    response.headers['retry-after'] !== undefined
  );
}

/**
 * Sends with the rate limit, retrying a throttled answer as Microsoft's SDKs do (three times,
 * honouring Retry-After in whole or fractional seconds). A wait longer than MAX_RETRY_AFTER_MS, or
 * past the run's deadline, is not made: the throttled answer is returned at once.
 */
async function sendWithRetry(request: FuzzRequest, target: FuzzTarget): Promise<FuzzExchange> {
  for (let attempt = 0; ; attempt++) {
    await target.acquire();
    const response = await sendRequest(request, {
      baseUrl: target.baseUrl,
      timeoutMs: target.timeoutMs,
      dispatcher: target.dispatcher,
    });
    target.onRequest();
    if (!isThrottled(response) || attempt >= MAX_THROTTLE_RETRIES) return { request, response };
    const waitMs = retryAfterMs(response);
    const timeLeft = (target.deadline ?? Infinity) - performance.now();
    if (waitMs > MAX_RETRY_AFTER_MS || waitMs > timeLeft) return { request, response };
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}

/** The wait a throttled answer asks for, in milliseconds (1 s when it names none it can parse). */
function retryAfterMs(response: FuzzResponse): number {
  const header = response.kind === 'response' ? response.headers['retry-after'] : undefined;
  const seconds = Number(header ?? '1');
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header ?? '');
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}
