// A team's code built on Microsoft's Graph JS client, with the default middleware chain
// (authentication, retry, redirect, telemetry, fetch) and its default retry options.
import {
  Client,
  GraphError,
  MiddlewareFactory,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';
import { BearerTokenMiddleware } from './bearerTokenMiddleware';

/** How to reach Graph. */
export interface GraphClientOptions {
  readonly getToken: () => Promise<string>;
  /** Graph's root, without the version, e.g. a local `serve` at `http://127.0.0.1:4010`. @defaultValue Graph itself */
  readonly baseUrl?: string;
}

/**
 * The Graph client as `Client.init({ authProvider })` builds it. For a local http base URL the
 * same default chain gets the token set just before the fetch (see `BearerTokenMiddleware`).
 */
export function createGraphClient({ getToken, baseUrl }: GraphClientOptions): Client {
  const authProvider: AuthenticationProvider = { getAccessToken: getToken };
  if (baseUrl === undefined) return Client.initWithMiddleware({ authProvider });
  const chain = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
  chain.splice(chain.length - 1, 0, new BearerTokenMiddleware(getToken));
  return Client.initWithMiddleware({ middleware: chain, baseUrl: `${baseUrl}/` });
}

/** What the application does when the connection drops before an answer (`GraphError` -1). */
export type OnNetworkError = 'throw' | 'resend';

/**
 * Creates a user status and returns its id. 429, 503 and 504 are retried by the client's
 * RetryHandler (3 times, waiting Retry-After); a dropped connection is not, so the application
 * decides: `throw` reports the failure, `resend` posts the same body once more.
 */
export async function createUserStatus(
  client: Client,
  policyId: string,
  body: object,
  onNetworkError: OnNetworkError = 'throw',
): Promise<string> {
  const path = `/deviceManagement/deviceCompliancePolicies/${policyId}/userStatuses`;
  try {
    return ((await client.api(path).post(body)) as { id: string }).id;
  } catch (error) {
    const dropped = error instanceof GraphError && error.statusCode === -1;
    if (!dropped || onNetworkError === 'throw') throw error;
    return ((await client.api(path).post(body)) as { id: string }).id;
  }
}
