import { request } from 'undici';
import { ConnectionError, type OptionMessage } from '../../errors';
import {
  classifyRequestFailure,
  describeRequestFailure,
  withinTimeLimit,
  type TimeLimit,
} from './describeRequestFailure';

/**
 * Checks that something answers HTTP at `url` (`what` says what, `option` which option gave it).
 * Any HTTP answer will do: it proves something listens there, which is all that is checked.
 * @throws ConnectionError naming whether it timed out, hung up, or could not be reached.
 */
export async function checkReachable(
  url: string,
  what: string,
  option: string,
  limit: TimeLimit,
): Promise<void> {
  try {
    const response = await request(url, {
      headersTimeout: limit.ms,
      bodyTimeout: limit.ms,
      signal: AbortSignal.timeout(limit.ms),
    });
    await response.body.dump();
  } catch (error) {
    const failure = classifyRequestFailure(error);
    const message: OptionMessage = (name) =>
      failure === 'timeout'
        ? `${what} at ${url} did not answer ${withinTimeLimit(limit, name)}: is it stuck?`
        : failure === 'closed'
          ? `${what} at ${url} closed the connection without answering (${describeRequestFailure(error, limit, name)}): is it an HTTP server, and is ${name(option)} right?`
          : `cannot reach ${what} at ${url} (${describeRequestFailure(error, limit, name)}): start it, or check ${name(option)}`;
    throw new ConnectionError(url, message, { cause: error, option });
  }
}
