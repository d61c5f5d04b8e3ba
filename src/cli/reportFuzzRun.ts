import { saveFailures } from '../fuzz/failuresFile';
import { formatFinding } from '../fuzz/formatFinding';
import { formatSummary } from '../fuzz/formatSummary';
import type { FuzzReport } from '../fuzz/FuzzReport';
import type { CliIo } from './CliIo';
import type { ReportTargets } from './fuzzFlags';
import { writeFuzzReports, type ExtraReportContent } from './writeFuzzReports';

/** Prints a run's findings and summary, writes its reports and failures file. */
export async function reportFuzzRun(
  report: FuzzReport,
  io: CliIo,
  targets: ReportTargets,
  failuresPath: string | undefined,
  extra: ExtraReportContent = {},
): Promise<void> {
  if (report.findings.length > 0) {
    io.stdout('Findings (each shrunk to a minimal case):\n\n');
    report.findings.forEach((finding, index) =>
      io.stdout(`${formatFinding(finding, index + 1)}\n\n`),
    );
  }
  io.stdout(`${formatSummary(report)}\n`);
  for (const path of await writeFuzzReports(report, targets, extra))
    io.stdout(`Report written to ${path}\n`);
  if (report.findings.length > 0 && failuresPath !== undefined) {
    await saveFailures(failuresPath, report);
    io.stdout(
      `Failures saved to ${failuresPath}; re-run them with: user-status-contracts fuzz --replay ${failuresPath} ...\n`,
    );
  }
}
