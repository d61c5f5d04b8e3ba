import { createHash } from 'node:crypto';
import type { CheckName } from '../CheckName';
import type { RuleBreach } from '../FuzzCheck';

/**
 * A finding's fingerprint: the same for every case that breaks the same rule of the same check at
 * the same pointer with the same method and answer, in this run or any later one.
 */
export function findingId(check: CheckName, breach: RuleBreach): string {
  const { request, response } = breach.exchange;
  const answer = response.kind === 'response' ? String(response.status) : response.reason;
  const key = [
    check,
    breach.rule.id,
    breach.pointer,
    breach.keyword ?? '',
    request.method,
    answer,
  ].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 10);
}
