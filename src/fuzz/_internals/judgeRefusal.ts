import { fail, PASS, type FuzzCheckVerdict } from '../FuzzCheck';
import type { CheckRule } from '../CheckRule';
import type { FuzzExchange } from './FuzzExchange';
import { describeResponse } from './responseJson';

/** The two rules of a refusal: that the request is refused at all, and with which status. */
export interface RefusalRules {
  /** Broken by a 2xx or 3xx answer, a 5xx or no answer: the request was not refused. */
  readonly refused: CheckRule;
  /** Broken by another 4xx than the expected ones: refused, but not as Graph refuses it. */
  readonly status: CheckRule;
}

/**
 * Judges an answer that must refuse a request with one of `expected`. Another 4xx still refuses
 * it, so that breaks only the (usually warning-level) status rule; anything else breaks `refused`.
 */
export function judgeRefusal(
  exchange: FuzzExchange,
  expected: readonly number[],
  rules: RefusalRules,
  what: string,
  where: { readonly pointer?: string; readonly keyword?: string } = {},
): FuzzCheckVerdict {
  const { response } = exchange;
  if (response.kind === 'response' && expected.includes(response.status)) return PASS;
  const message = `${what} was answered ${describeResponse(response)} instead of ${expected.join(' or ')}`;
  const otherRefusal =
    response.kind === 'response' && response.status >= 400 && response.status < 500;
  return fail(exchange, message, otherRefusal ? rules.status : rules.refused, where);
}
