import { describeSource, formatFinding } from './_internals/formatFinding';
import type { FuzzReport } from './FuzzReport';
import type { JunitCase, JunitSuite } from '../reports/toJunitXml';

/** Options of `fuzzJunitSuite`. */
export interface FuzzJunitOptions {
  /** The suite's name. @defaultValue 'fuzz' */
  readonly name?: string;
  /** Report warnings as failures (`--fail-on warning`). @defaultValue false */
  readonly warningsFail?: boolean;
  /** Findings known from a baseline: reported, never failed. */
  readonly known?: ReadonlySet<string>;
}

/**
 * A fuzzing run as a JUnit suite: one test case per distinct finding (a failure, or a passed case
 * carrying the warning), one per check without findings (passed, or skipped with the reason when
 * it was not exercised).
 */
export function fuzzJunitSuite(report: FuzzReport, options: FuzzJunitOptions = {}): JunitSuite {
  const name = options.name ?? 'fuzz';
  const cases: JunitCase[] = [];
  for (const check of report.checks) {
    const base = { name: check.name, classname: name };
    if (check.status === 'not exercised' || check.status === 'skipped') {
      cases.push({ ...base, skipped: check.notes.join('; ') || check.status });
      continue;
    }
    const findings = report.findings.filter((finding) => finding.check === check.name);
    if (findings.length === 0) cases.push(base);
    for (const finding of findings) {
      const failing =
        !options.known?.has(finding.id) &&
        (finding.level === 'failure' || options.warningsFail === true);
      const details = `${formatFinding(finding, 1)}\n   (${describeSource(finding)})`;
      cases.push({
        name:
          `${check.name} [${finding.level}] ${finding.rule} ${finding.pointer}`.trimEnd() +
          ` (${finding.id})`,
        classname: `${name}.${check.name}`,
        ...(failing
          ? { failure: { message: finding.message, type: finding.level, details } }
          : {
              output: `${options.known?.has(finding.id) ? 'known (baseline) ' : ''}${finding.level}: ${details}`,
            }),
      });
    }
  }
  return {
    name,
    seconds: report.durationMs / 1000,
    timestamp: report.startedAt,
    properties: {
      seed: String(report.seed),
      target: report.target.baseUrl,
      incomplete: String(report.incomplete),
    },
    cases,
  };
}
