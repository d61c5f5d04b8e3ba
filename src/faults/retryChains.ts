import type { RecordedRequest } from './RecordedRequest';

/**
 * Whether a request failed in a way a client may retry: no answer (a reset), 429, or a 5xx.
 */
export function isRetryableFailure(request: RecordedRequest): boolean {
  return request.status === 0 || request.status === 429 || request.status >= 500;
}

/**
 * The requests grouped into operations: a request joins the operation of the last request with
 * the same method, path and body digest when that one failed retryably (it is a retry), else it
 * starts a new one. Operations come in the order they started.
 */
export function retryChains(requests: readonly RecordedRequest[]): RecordedRequest[][] {
  const chains: RecordedRequest[][] = [];
  const open = new Map<string, RecordedRequest[]>();
  for (const request of requests) {
    const key = `${request.method} ${request.path} ${request.bodyDigest ?? ''}`;
    const chain = open.get(key);
    const last = chain?.[chain.length - 1];
    if (chain !== undefined && last !== undefined && isRetryableFailure(last)) {
      chain.push(request);
    } else {
      const started = [request];
      chains.push(started);
      open.set(key, started);
    }
  }
  return chains;
}
