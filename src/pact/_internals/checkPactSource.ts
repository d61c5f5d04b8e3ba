import { readFile } from 'node:fs/promises';
import { request } from 'undici';
import { ConnectionError, InputError } from '../../errors';
import { describeRequestFailure, type TimeLimit } from './describeRequestFailure';
import { isHttpUrl } from '../isHttpUrl';

/**
 * Checks that a pact file or URL can be read and holds a pact (an `interactions` list), so that
 * an unreadable one is refused before the verifier starts.
 * @throws InputError for an unreadable or non-pact source; ConnectionError when a URL cannot be
 * fetched.
 */
export async function checkPactSource(
  source: string,
  brokerToken: string | undefined,
  limit: TimeLimit,
): Promise<void> {
  let text: string;
  if (isHttpUrl(source)) {
    let status: number;
    try {
      const response = await request(source, {
        headers: {
          accept: 'application/hal+json, application/json',
          ...(brokerToken === undefined ? {} : { authorization: `Bearer ${brokerToken}` }),
        },
        headersTimeout: limit.ms,
        bodyTimeout: limit.ms,
        signal: AbortSignal.timeout(limit.ms),
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      throw new ConnectionError(
        source,
        (name) => `cannot fetch the pact ${source} (${describeRequestFailure(error, limit, name)})`,
        { cause: error },
      );
    }
    if (status < 200 || status > 299) {
      throw new InputError(source, `cannot fetch the pact ${source}: it answered ${status}`);
    }
  } else {
    try {
      text = await readFile(source, 'utf8');
    } catch (error) {
      throw new InputError(
        source,
        (name) => `cannot read the pact ${source}: ${describeRequestFailure(error, limit, name)}`,
        { cause: error },
      );
    }
  }
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch {
    throw new InputError(source, `the pact ${source} is not JSON`);
  }
  const interactions = (pact as { interactions?: unknown } | null)?.interactions;
  if (!Array.isArray(interactions)) {
    throw new InputError(source, `${source} is not a pact: it has no "interactions" list`);
  }
}
