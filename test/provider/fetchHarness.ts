import type { FetchProvider } from '../../src/provider/createFetchProvider';
import { DEFAULT_TOKEN } from '../../src/provider/defaults';
import type { CallOptions, CallResult } from './providerHarness';

/** Where the fetch provider's requests are addressed (it routes on the path alone). */
export const FETCH_ORIGIN = 'https://graph.microsoft.com';

/** Reads a fetch `Response` into the shape the provider tests assert on. */
export async function toCallResult(response: Response): Promise<CallResult> {
  const text = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let json: unknown;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers, text, json };
}

/**
 * Sends one request to a fetch provider, with the defaults of `call`: the default bearer token
 * and, with a body, `Content-Type: application/json`; a header set to `undefined` is left out.
 * Bodies are sent as bytes, so fetch adds no `Content-Type` of its own.
 */
export async function fetchCall(
  provider: FetchProvider,
  method: string,
  path: string,
  options: Omit<CallOptions, 'dispatcher'> = {},
): Promise<CallResult> {
  const merged: Record<string, string | undefined> = {
    authorization: `Bearer ${DEFAULT_TOKEN}`,
    ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...options.headers,
  };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(merged)) {
    if (value !== undefined) headers[name] = value;
  }
  const request = new Request(`${FETCH_ORIGIN}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: Buffer.from(options.body) }),
  });
  return toCallResult(await provider.handle(request));
}
