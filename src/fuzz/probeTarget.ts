import { ConnectionError, UsageError } from '../errors';
import type { FuzzTarget } from './FuzzTarget';
import { sampleCreateRequest } from './runCase';
import { sendRequest } from './sendRequest';

/**
 * Makes sure the target can be fuzzed before the campaign starts: it answers at all, and it takes
 * a valid create with the given token and policy. A wrong --token, --policy-id or base path is one
 * clear error, not a finding in every scenario.
 */
export async function probeTarget(target: FuzzTarget): Promise<void> {
  const request = sampleCreateRequest(target);
  const created = await sendRequest(request, {
    baseUrl: target.baseUrl,
    timeoutMs: target.timeoutMs,
    dispatcher: target.dispatcher,
  });
  target.onRequest();
  if (created.kind === 'failure') {
    const { baseUrl } = target;
    throw new ConnectionError(
      baseUrl,
      created.reason === 'timeout'
        ? `${baseUrl} did not answer a valid create: ${created.message}. Is the server stuck, or slower than --request-timeout allows?`
        : created.reason === 'connection-dropped'
          ? `${baseUrl} accepted the connection but closed it without answering a valid create (${created.message}). Is the server crashing on requests, or is --base-url pointing at something that is not HTTP?`
          : `cannot reach ${baseUrl}: ${created.message}. Is the server running, and is --base-url right?`,
    );
  }
  const where = `POST ${target.baseUrl}${request.path}`;
  if (created.status === 401 || created.status === 403) {
    throw new UsageError(
      `${where} with a valid body was answered ${created.status}: the server does not accept --token. ` +
        'Pass a bearer token it accepts.',
    );
  }
  if (created.status === 404) {
    throw new UsageError(
      `${where} with a valid body was answered ${created.status}: check that --policy-id names a policy that exists ` +
        'and that --base-url is the root the /deviceManagement/... paths live under (it may end in /v1.0).',
    );
  }
}
