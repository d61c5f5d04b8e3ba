/** How much a broken rule matters: a `failure` fails the run, a `warning` is reported only. */
export type FindingLevel = 'failure' | 'warning';

/**
 * Where a rule comes from: the documented contract (`contracts/`, Graph's docs and metadata), a
 * MUST of HTTP, JSON or OData, the toolkit's own hardening advice, or a limit the user set.
 */
export interface RuleSource {
  readonly kind: 'contract' | 'standard' | 'advice' | 'option';
  /** The clause, file or flag, e.g. `RFC 9110 §15.5.6` or `contracts/odata-error.schema.json`. */
  readonly ref: string;
}

/** One rule a check applies, graded by its source. */
export interface CheckRule {
  /** A stable id, unique within its check (part of a finding's fingerprint). */
  readonly id: string;
  readonly level: FindingLevel;
  readonly source: RuleSource;
  /** What the rule demands, in one sentence. */
  readonly demands: string;
}

/** Builds a rule (a typed literal, so each check's file reads as a table). */
export function rule(
  id: string,
  level: FindingLevel,
  kind: RuleSource['kind'],
  ref: string,
  demands: string,
): CheckRule {
  return { id, level, source: { kind, ref }, demands };
}
