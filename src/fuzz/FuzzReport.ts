import type { CheckName } from './CheckName';
import type { FuzzRequest } from './Exchange';
import type { FuzzCase, FuzzCaseKind } from './FuzzCase';

/** One way the server broke the contract, shrunk to a minimal case. */
export interface FuzzFinding {
  readonly check: CheckName;
  readonly message: string;
  /** The scenario that found it. */
  readonly scenario: FuzzCaseKind;
  /** The minimal case (replayable with `fuzz --replay`). */
  readonly fuzzCase: FuzzCase;
  /** The request that showed the failure (the bearer token shown as `$TOKEN` unless `showToken`). */
  readonly request: FuzzRequest;
  /** What came back (`status` is absent when nothing did). */
  readonly response: {
    readonly status?: number;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: string;
    readonly failure?: string;
    readonly durationMs: number;
  };
  /** The fast-check seed and path that reproduce the counterexample. */
  readonly seed: number;
  readonly path: string;
  /** How many times fast-check shrank the failing case. */
  readonly shrinks: number;
  /** A curl command that reproduces the request (token redacted unless asked otherwise). */
  readonly curl: string;
}

/** How one check fared over the run. */
export interface CheckSummary {
  readonly name: CheckName;
  readonly description: string;
  readonly status: 'passed' | 'failed' | 'skipped' | 'not run';
  readonly findings: number;
  /** Cases the check judged. */
  readonly cases: number;
  /** Why it was skipped, or other remarks. */
  readonly notes: readonly string[];
}

/** The outcome of a fuzzing run. */
export interface FuzzReport {
  readonly target: { readonly baseUrl: string; readonly policyId: string };
  readonly seed: number;
  readonly shard?: { readonly index: number; readonly count: number };
  readonly startedAt: string;
  readonly durationMs: number;
  readonly requests: number;
  readonly cases: number;
  readonly checks: readonly CheckSummary[];
  readonly findings: readonly FuzzFinding[];
  /** The time budget ran out before every run was done. */
  readonly interrupted: boolean;
  /** Why the run stopped early, if it did (for example, the server stopped accepting connections). */
  readonly aborted?: string;
}
