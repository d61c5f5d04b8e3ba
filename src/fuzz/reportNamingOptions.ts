import { fieldName, type OptionNamer } from '../errors';
import type { FuzzReport } from './FuzzReport';
import { REPORT_OPTION_NOTES } from './_internals/reportOptionNotes';

/**
 * The report with the options its texts name (`maxTimeSeconds`) written as `name` says, the way
 * `messageNaming` renders an error: the CLI passes its flags (`--max-time`).
 */
export function reportNamingOptions(report: FuzzReport, name: OptionNamer): FuzzReport {
  const renamings = Object.values(REPORT_OPTION_NOTES).map(
    (note) => [note(fieldName), note(name)] as const,
  );
  const rename = (text: string): string =>
    renamings.reduce((renamed, [from, to]) => renamed.replaceAll(from, to), text);
  return {
    ...report,
    checks: report.checks.map((check) => ({
      ...check,
      description: rename(check.description),
      notes: check.notes.map(rename),
    })),
    findings: report.findings.map((finding) => ({
      ...finding,
      source: { ...finding.source, ref: rename(finding.source.ref) },
    })),
    ...(report.aborted === undefined ? {} : { aborted: rename(report.aborted) }),
    incompleteReasons: report.incompleteReasons.map(rename),
  };
}
