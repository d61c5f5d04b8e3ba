import { redactSecret } from '../redactSecret';
import type { VerificationReport } from './VerificationReport';

/**
 * The report with `token` shown as `$TOKEN` in every text it holds: a provider that echoes the
 * `Authorization` header would otherwise put the token into mismatches, the verifier's output and
 * every report written from them.
 */
export function redactVerificationReport(
  report: VerificationReport,
  token: string,
): VerificationReport {
  const redact = (text: string): string => redactSecret(text, token);
  return {
    passed: report.passed,
    interactions: report.interactions.map((interaction) => ({
      ...interaction,
      description: redact(interaction.description),
      providerStates: interaction.providerStates.map(redact),
      mismatches: interaction.mismatches.map((mismatch) => ({
        kind: mismatch.kind,
        path: redact(mismatch.path),
        expected: redact(mismatch.expected),
        actual: redact(mismatch.actual),
        message: redact(mismatch.message),
      })),
    })),
    stateFailures: report.stateFailures.map((failure) => ({
      state: redact(failure.state),
      action: failure.action,
      message: redact(failure.message),
    })),
    notices: report.notices.map(redact),
    output: report.output.map(redact),
  };
}
