import type { CaseOutcome } from './CaseOutcome';
import type { CheckName } from './CheckName';
import type { Exchange } from './Exchange';
import type { FuzzCaseKind } from './FuzzCase';

/** The verdict of one check on one case. */
export type CheckVerdict =
  | { readonly status: 'pass' }
  | { readonly status: 'skip'; readonly note: string }
  | { readonly status: 'fail'; readonly message: string; readonly exchange: Exchange };

/** State shared by the checks across a run (for example, every id seen so far). */
export interface CheckContext {
  /** Server-assigned ids seen in 201 answers, with the request that got each. */
  readonly seenIds: Map<string, string>;
  /** The `max_response_time` limit in milliseconds, when that check is on. */
  readonly maxResponseTimeMs?: number;
}

/** A named property every server must have; `judge` looks at one case's outcome. */
export interface Check {
  readonly name: CheckName;
  /** One sentence: what the check demands. */
  readonly description: string;
  /** The kinds of case the check is about; absent for checks that judge every answer. */
  readonly kinds?: readonly FuzzCaseKind[];
  /** Off unless asked for (`max_response_time`). */
  readonly optIn?: boolean;
  judge(outcome: CaseOutcome, context: CheckContext): CheckVerdict;
}

/** The passing verdict. */
export const PASS: CheckVerdict = { status: 'pass' };

/** A failing verdict on an exchange. */
export function fail(exchange: Exchange, message: string): CheckVerdict {
  return { status: 'fail', message, exchange };
}
