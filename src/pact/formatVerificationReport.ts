import { mismatchesStatusFirst } from './mismatchesStatusFirst';
import type { VerificationMismatch, VerificationReport } from './VerificationReport';

/**
 * The report as text: one line per interaction (`PASS`, `FAIL` or `PENDING`, its description and
 * provider states), and under each failure one line per mismatch with its place, expected and
 * actual values, the status first.
 * @example
 * io.stdout(formatVerificationReport(await verifyProvider(options)));
 */
export function formatVerificationReport(report: VerificationReport): string {
  const lines: string[] = [];
  for (const interaction of report.interactions) {
    const verdict = interaction.passed ? 'PASS' : interaction.pending ? 'PENDING' : 'FAIL';
    const states =
      interaction.providerStates.length === 0
        ? ''
        : ` (given ${interaction.providerStates.join(' and ')})`;
    lines.push(`${verdict.padEnd(7)} ${interaction.description}${states}`);
    for (const mismatch of mismatchesStatusFirst(interaction.mismatches)) {
      lines.push(`          ${describe(mismatch)}`);
    }
  }
  for (const failure of report.stateFailures) {
    lines.push(
      `STATE   "${failure.state}" could not be set up (${failure.action}): ${failure.message}`,
    );
  }
  for (const notice of report.notices) if (notice.trim() !== '') lines.push(`NOTE    ${notice}`);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function describe(mismatch: VerificationMismatch): string {
  const where = mismatch.path === '' ? '' : `${mismatch.path}: `;
  if (mismatch.expected === '' && mismatch.actual === '') return `${where}${mismatch.message}`;
  const values = `expected ${mismatch.expected}, actual ${mismatch.actual}`;
  return `${where}${values} (${mismatch.message})`;
}
