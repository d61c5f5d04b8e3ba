import { fail, PASS, type FuzzCheckVerdict } from '../FuzzCheck';
import { rule } from '../CheckRule';
import { compareEcho } from './compareEcho';
import type { FuzzExchange } from './FuzzExchange';

/** Shared by `create_echo` and `ensure_resource_availability`: a date-time kept to fewer digits. */
export const DATE_PRECISION = rule(
  'date-precision',
  'warning',
  'standard',
  'OData CSDL 4.01 §7.2.3 (a DateTimeOffset without a Precision facet keeps 0 digits); Graph keeps 7 (100 ns)',
  'a date-time comes back as the same instant, to every digit sent',
);

/**
 * Judges an answer that must carry every sent property unchanged: a changed value breaks
 * `unchanged`, a date-time kept to fewer digits only the warning-level `DATE_PRECISION`.
 */
export function judgeEcho(
  exchange: FuzzExchange,
  sent: object,
  received: unknown,
  unchanged: Parameters<typeof fail>[2],
  verb: string,
): FuzzCheckVerdict {
  const { mismatch, precisionLoss } = compareEcho(sent, received);
  if (mismatch !== undefined) {
    return fail(
      exchange,
      `${verb} ${mismatch.property}: sent ${JSON.stringify(mismatch.sent)}, got ${
        mismatch.received === undefined ? 'nothing' : JSON.stringify(mismatch.received)
      }`,
      unchanged,
      { pointer: `/${mismatch.property}` },
    );
  }
  if (precisionLoss !== undefined) {
    return fail(
      exchange,
      `${precisionLoss.property} came back with ${precisionLoss.digits} fractional digit(s): sent ${JSON.stringify(precisionLoss.sent)}, got ${JSON.stringify(precisionLoss.received)} (the same instant to that precision)`,
      DATE_PRECISION,
      { pointer: `/${precisionLoss.property}` },
    );
  }
  return PASS;
}
