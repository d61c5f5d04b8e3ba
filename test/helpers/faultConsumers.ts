import type { ResilienceContext } from '../../src/resilience/ResilienceConsumer';

/**
 * How a test consumer goes wrong (each flaw is what one oracle must catch); with none, it is the
 * correct consumer: it honours Retry-After, retries up to 3 times, after a reset checks whether
 * the create was stored before sending it again, and throws a clear error when it gives up.
 */
export interface ConsumerFlaws {
  /** Retries at once, whatever Retry-After says. */
  readonly ignoreRetryAfter?: boolean;
  /** Retries this many times at most. @defaultValue 3 */
  readonly maxRetries?: number;
  /**
   * After a reset: check the listing (`verify`, correct), send the create again (`resend`), or
   * report the create as done without knowing its id (`assume`).
   * @defaultValue `'verify'`
   */
  readonly afterReset?: 'verify' | 'resend' | 'assume';
  /**
   * When retries run out: throw an Error (`throw`, correct), return what was created (`quiet`),
   * or throw a bare string (`throw-string`).
   * @defaultValue `'throw'`
   */
  readonly giveUp?: 'throw' | 'quiet' | 'throw-string';
  /** Never retries (a naive consumer), and throws on the first failure. */
  readonly noRetry?: boolean;
  /** How many statuses to create. @defaultValue 2 */
  readonly count?: number;
  /**
   * Stops waiting for an answer after this many ms and treats it as a reset (the request goes
   * on): with `afterReset: 'resend'`, the create is sent again while the first is still running.
   * @defaultValue no timeout
   */
  readonly timeoutMs?: number;
  /** Wait before a retry when the answer gave no Retry-After, in ms. @defaultValue 10 */
  readonly backoffMs?: number;
}

/** A create body whose userPrincipalName tells it apart from the others. */
export function statusBody(index: number): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
    userDisplayName: `User ${index}`,
    devicesCount: index,
    status: 'compliant',
    lastReportedDateTime: '2020-06-14T20:52:52.8841394Z',
    userPrincipalName: `user${index}@contoso.onmicrosoft.com`,
  };
}

class GaveUp extends Error {}

const TIMEOUT = 'timeout' as const;

/** A consumer that creates `count` statuses and returns their ids, with the given flaws. */
export function makeConsumer(
  flaws: ConsumerFlaws = {},
): (context: ResilienceContext) => Promise<string[]> {
  const maxRetries = flaws.noRetry === true ? 0 : (flaws.maxRetries ?? 3);
  const backoffMs = flaws.backoffMs ?? 10;
  return async (context) => {
    const ids: string[] = [];
    const headers = {
      authorization: `Bearer ${context.token}`,
      'content-type': 'application/json',
    };
    const waitBefore = async (response: Response | undefined): Promise<void> => {
      if (flaws.ignoreRetryAfter === true) return;
      const header = response?.headers.get('retry-after');
      await context.sleep(header == null ? backoffMs : Number(header) * 1000);
    };
    /** GET with retries; the listing's value. */
    const list = async (): Promise<Array<{ id: string; userPrincipalName: string }>> => {
      for (let attempt = 0; ; attempt += 1) {
        let response: Response | undefined;
        try {
          response = await context.fetch(context.collectionUrl, { headers });
          if (response.ok) {
            return (
              (await response.json()) as { value: Array<{ id: string; userPrincipalName: string }> }
            ).value;
          }
        } catch {
          response = undefined;
        }
        if (attempt >= maxRetries) throw new GaveUp(`listing failed after ${attempt} retries`);
        await waitBefore(response);
      }
    };
    const create = async (body: Record<string, unknown>): Promise<string | undefined> => {
      for (let attempt = 0; ; attempt += 1) {
        let response: Response | undefined;
        try {
          const sent = context.fetch(context.collectionUrl, {
            method: 'POST',
            headers,
            body: JSON.stringify(body),
          });
          sent.catch(() => undefined);
          const winner =
            flaws.timeoutMs === undefined
              ? await sent
              : await Promise.race([sent, context.sleep(flaws.timeoutMs).then(() => TIMEOUT)]);
          if (winner === TIMEOUT) throw new Error(`no answer within ${String(flaws.timeoutMs)} ms`);
          response = winner;
          if (response.status === 201) return ((await response.json()) as { id: string }).id;
          if (response.status !== 429 && response.status < 500) {
            throw new GaveUp(`create answered ${response.status}`);
          }
        } catch (error) {
          if (error instanceof GaveUp) throw error;
          // A reset: the create may or may not have been stored.
          if (flaws.afterReset === 'assume') return String(body['userPrincipalName']);
          if (flaws.afterReset !== 'resend' && maxRetries > 0) {
            const found = (await list()).find(
              (status) => status.userPrincipalName === body['userPrincipalName'],
            );
            if (found !== undefined) return found.id;
          }
          response = undefined;
        }
        if (attempt >= maxRetries) {
          throw new GaveUp(
            `creating ${String(body['userPrincipalName'])} failed after ${attempt} retries: last answer ${response?.status ?? 'a reset'}`,
          );
        }
        await waitBefore(response);
      }
    };
    for (let index = 0; index < (flaws.count ?? 2); index += 1) {
      try {
        const id = await create(statusBody(index));
        if (id !== undefined) ids.push(id);
      } catch (error) {
        if (flaws.giveUp === 'quiet') return ids;
        if (flaws.giveUp === 'throw-string') throw 'failed';
        throw error;
      }
    }
    return ids;
  };
}
