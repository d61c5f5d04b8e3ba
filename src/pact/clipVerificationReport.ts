import type { VerificationMismatch, VerificationReport } from './VerificationReport';

// The longest text kept in one field or output line (as in the fuzzer's findings), the most
// mismatches listed for one interaction, the most lines of the verifier's output kept.
const MAX_REPORT_TEXT = 4096;
const MAX_REPORT_MISMATCHES = 50;
const MAX_REPORT_OUTPUT_LINES = 500;

/**
 * The report cut down to a size fit to print and to write into reports: each text at 4096
 * characters, each interaction's mismatches at 50, the verifier's output at 500 lines; every cut
 * says what it left out.
 */
export function clipVerificationReport(report: VerificationReport): VerificationReport {
  const output = report.output.slice(0, MAX_REPORT_OUTPUT_LINES).map(clip);
  const leftOut = report.output.length - output.length;
  return {
    passed: report.passed,
    interactions: report.interactions.map((interaction) => ({
      ...interaction,
      description: clip(interaction.description),
      providerStates: interaction.providerStates.map(clip),
      mismatches: clipMismatches(interaction.mismatches),
    })),
    stateFailures: report.stateFailures.map((failure) => ({
      state: clip(failure.state),
      action: failure.action,
      message: clip(failure.message),
    })),
    notices: report.notices.map(clip),
    output:
      leftOut === 0
        ? output
        : [...output, `... ${leftOut} more line(s) of the verifier's output, not kept`],
  };
}

function clipMismatches(mismatches: readonly VerificationMismatch[]): VerificationMismatch[] {
  const kept = mismatches.slice(0, MAX_REPORT_MISMATCHES).map((mismatch) => ({
    kind: mismatch.kind,
    path: clip(mismatch.path),
    expected: clip(mismatch.expected),
    actual: clip(mismatch.actual),
    message: clip(mismatch.message),
  }));
  const leftOut = mismatches.length - kept.length;
  if (leftOut > 0) {
    kept.push({
      kind: 'other',
      path: '',
      expected: '',
      actual: '',
      message: `... and ${leftOut} more mismatch(es), not listed`,
    });
  }
  return kept;
}

function clip(text: string): string {
  return text.length <= MAX_REPORT_TEXT
    ? text
    : `${text.slice(0, MAX_REPORT_TEXT)}... (cut at ${MAX_REPORT_TEXT} of ${text.length} characters)`;
}
