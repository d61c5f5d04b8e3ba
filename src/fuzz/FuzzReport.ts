import type { CheckName } from './CheckName';
import type { FindingLevel, RuleSource } from './CheckRule';
import type { FuzzRequest } from './_internals/FuzzExchange';
import type { FuzzCase, FuzzCaseKind } from './_internals/FuzzCase';

/** One distinct way the server broke a rule (check, rule, pointer, answer status), shrunk. */
export interface FuzzFinding {
  /**
   * The finding's fingerprint: stable across runs for the same check, rule, pointer, method and
   * answer status. `replay` re-runs it (the CLI's `fuzz --replay FILE --finding ID`); baselines
   * list it.
   */
  readonly id: string;
  readonly check: CheckName;
  /**
   * `failure` fails the run; `warning` is reported only (unless the caller fails on warnings, as
   * the CLI's `--fail-on warning` does).
   */
  readonly level: FindingLevel;
  /** The id of the broken rule within its check. */
  readonly rule: string;
  /** Where the rule comes from: the contract, a standard's MUST, the toolkit's advice, a flag. */
  readonly source: RuleSource;
  /** JSON pointer of what is wrong (`''` for the whole request or answer). */
  readonly pointer: string;
  /** The JSON Schema keyword, or the kind of damage of a malformed body, when there is one. */
  readonly keyword?: string;
  readonly message: string;
  /** The scenario that found it. */
  readonly scenario: FuzzCaseKind;
  /** The minimal case (replayable with `replay`). */
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
  /** How many generated cases showed it (shrinking attempts not counted). */
  readonly hits: number;
  /** How many times fast-check shrank the failing case. */
  readonly shrinks: number;
  /** The root cause it belongs to (findings whose minimal case is the same request). */
  readonly rootCause: string;
  /** A curl command that reproduces the request (token redacted unless asked otherwise). */
  readonly curl: string;
}

/** Findings whose minimal case sends the same request: one defect, seen by several checks. */
export interface RootCause {
  readonly id: string;
  /** The findings' ids, most severe first. */
  readonly findings: readonly string[];
  readonly checks: readonly CheckName[];
}

/** How one check fared over the run. */
export interface CheckSummary {
  readonly name: CheckName;
  readonly description: string;
  /**
   * `failed`: a failure-level finding; `warned`: warnings only; `passed`: judged cases, no finding;
   * `skipped`: every case it judged was out of its reach (e.g. no GET by id); `not exercised`: it
   * judged no case (time budget, throttling, a stopped run), so it says nothing about the server.
   */
  readonly status: 'passed' | 'failed' | 'warned' | 'skipped' | 'not exercised';
  readonly findings: number;
  /** Cases the check judged. */
  readonly cases: number;
  /** Why it was skipped or not exercised, or other remarks. */
  readonly notes: readonly string[];
}

/** The outcome of a fuzzing run. */
export interface FuzzReport {
  readonly target: { readonly baseUrl: string; readonly policyId: string };
  /** The campaign's seed: passed back as `seed`, it runs the same campaign again. */
  readonly seed: number;
  readonly shard?: { readonly index: number; readonly count: number };
  readonly startedAt: string;
  readonly durationMs: number;
  readonly requests: number;
  /** Cases judged. */
  readonly cases: number;
  /** Cases planned: every generated run and canonical example of the scenarios that were planned. */
  readonly plannedCases: number;
  /** Cases whose answer stayed 429 (or 503/504 with Retry-After) after retries: not judged. */
  readonly throttledCases: number;
  readonly checks: readonly CheckSummary[];
  /** Every distinct finding, failures first. */
  readonly findings: readonly FuzzFinding[];
  readonly rootCauses: readonly RootCause[];
  /** The time budget ran out before every planned case ran. */
  readonly interrupted: boolean;
  /** Why the run stopped early, if it did (for example, the server stopped accepting connections). */
  readonly aborted?: string;
  /**
   * Whether the run is too incomplete to pass: a selected check judged nothing, or the run stopped
   * early. `incompleteReasons` says why.
   */
  readonly incomplete: boolean;
  readonly incompleteReasons: readonly string[];
}
