import type { CaseOutcome } from './_internals/CaseOutcome';
import type { CheckName } from './CheckName';
import type { CheckRule } from './CheckRule';
import type { FuzzExchange } from './_internals/FuzzExchange';
import type { FuzzCaseKind } from './_internals/FuzzCase';

/** A check's verdict that one of its rules is broken: where, how, and on which exchange. */
export interface RuleBreach {
  readonly status: 'fail';
  readonly rule: CheckRule;
  /** JSON pointer of what is wrong (in the request body or the answer), `''` for the whole. */
  readonly pointer: string;
  /** The JSON Schema keyword when a schema decides it, or the kind of damage of a malformed body. */
  readonly keyword?: string;
  readonly message: string;
  readonly exchange: FuzzExchange;
}

/** The verdict of one check on one case. */
export type FuzzCheckVerdict =
  { readonly status: 'pass' } | { readonly status: 'skip'; readonly note: string } | RuleBreach;

/** State shared by the checks across a run (for example, every id seen so far). */
export interface FuzzCheckContext {
  /** Server-assigned ids seen in 201 answers, with the request that got each. */
  readonly seenIds: Map<string, string>;
  /** The `max_response_time` limit in milliseconds, when that check is on. */
  readonly maxResponseTimeMs?: number;
}

/** A fuzz check: a named property every server must have; `judge` looks at one case's outcome. */
export interface FuzzCheck {
  readonly name: CheckName;
  /** One sentence: what the check demands. */
  readonly description: string;
  /** The rules it applies, each with its level and source. */
  readonly rules: readonly CheckRule[];
  /** The kinds of case the check is about; absent for checks that judge every answer. */
  readonly kinds?: readonly FuzzCaseKind[];
  /** Off unless asked for (`max_response_time`). */
  readonly optIn?: boolean;
  judge(outcome: CaseOutcome, context: FuzzCheckContext): FuzzCheckVerdict;
}

/** The passing verdict. */
export const PASS: FuzzCheckVerdict = { status: 'pass' };

/** A verdict that `rule` is broken on `exchange`, at `pointer` (and schema `keyword`, if any). */
export function fail(
  exchange: FuzzExchange,
  message: string,
  rule: CheckRule,
  where: { readonly pointer?: string; readonly keyword?: string } = {},
): RuleBreach {
  return {
    status: 'fail',
    rule,
    pointer: where.pointer ?? '',
    ...(where.keyword === undefined ? {} : { keyword: where.keyword }),
    message,
    exchange,
  };
}
