import { ConnectionError, OptionError } from '../../errors';
import type { FuzzTarget } from './FuzzTarget';
import { sampleCreateRequest } from './runCase';
import { sendRequest } from './sendRequest';

/**
 * Makes sure the target can be fuzzed before the campaign starts: it answers at all, and it takes
 * a valid create with the given token and policy. A wrong token, policy id or base path is one
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
    const { message, reason } = created;
    throw new ConnectionError(
      baseUrl,
      (name) =>
        reason === 'timeout'
          ? `${baseUrl} did not answer a valid create: ${message}. Is the server stuck, or slower than ${name('requestTimeoutMs')} allows?`
          : reason === 'connection-dropped'
            ? `${baseUrl} accepted the connection but closed it without answering a valid create (${message}). Is the server crashing on requests, or is ${name('baseUrl')} pointing at something that is not HTTP?`
            : `cannot reach ${baseUrl}: ${message}. Is the server running, and is ${name('baseUrl')} right?`,
      { option: reason === 'timeout' ? 'requestTimeoutMs' : 'baseUrl' },
    );
  }
  const where = `POST ${target.baseUrl}${request.path}`;
  if (created.status === 401 || created.status === 403) {
    const { status } = created;
    throw new OptionError(
      'token',
      (name) =>
        `${where} with a valid body was answered ${status}: the server does not accept ${name('token')}. ` +
        'Pass a bearer token it accepts.',
    );
  }
  if (created.status === 404) {
    const { status } = created;
    throw new OptionError(
      'policyId',
      (name) =>
        `${where} with a valid body was answered ${status}: check that ${name('policyId')} names a policy that exists ` +
        `and that ${name('baseUrl')} is the root the /deviceManagement/... paths live under (it may end in /v1.0).`,
    );
  }
}
