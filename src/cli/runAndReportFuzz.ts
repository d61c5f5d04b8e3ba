import { saveBaseline } from '../fuzz/baselineFile';
import { saveFailures as writeFailuresFile } from '../fuzz/failuresFile';
import { formatFindings } from '../fuzz/formatFindings';
import { formatSummary } from '../fuzz/formatSummary';
import { fuzz, type FuzzOptions } from '../fuzz/fuzz';
import type { FuzzReport } from '../fuzz/FuzzReport';
import { reportNamingOptions } from '../fuzz/reportNamingOptions';
import type { CliIo } from './CliIo';
import { fuzzProgressPrinter } from './fuzzProgressPrinter';
import { fuzzVerdict, type FuzzVerdict } from './fuzzVerdict';
import { optionFlag } from './optionFlags';
import type { FuzzOutputs } from './prepareFuzzOutputs';
import { writeFuzzReports, type ExtraReportContent } from './writeFuzzReports';

/**
 * Runs the fuzzer with live progress, then prints its findings (grouped by root cause) and
 * summary, writes its reports, failures file and baseline, and decides the exit code.
 */
export async function runAndReportFuzz(
  options: Omit<FuzzOptions, 'onProgress'>,
  io: CliIo,
  outputs: FuzzOutputs,
  extra: ExtraReportContent = {},
): Promise<{ report: FuzzReport; verdict: FuzzVerdict }> {
  const progress = fuzzProgressPrinter(io);
  // The report names option fields (`maxTimeSeconds`); the CLI prints and writes its flags.
  const report = reportNamingOptions(
    await fuzz({ ...options, onProgress: progress.update }),
    optionFlag,
  );
  progress.done();
  const verdict = fuzzVerdict(report, {
    failOn: outputs.verdict.failOn,
    allowIncomplete: outputs.verdict.allowIncomplete,
    ...(outputs.baseline ? { baseline: outputs.baseline } : {}),
  });
  const failuresFile =
    report.findings.length > 0 && outputs.saveFailures !== false ? outputs.saveFailures : undefined;
  if (report.findings.length > 0) {
    io.stdout('Findings (each shrunk to a minimal case, grouped by root cause):\n\n');
    io.stdout(`${formatFindings(report, failuresFile === undefined ? {} : { failuresFile })}\n\n`);
  }
  io.stdout(`${formatSummary(report)}\n`);
  for (const line of verdict.lines) io.stdout(`${line}\n`);
  const written = await writeFuzzReports(report, outputs.reports, extra, {
    warningsFail: outputs.verdict.failOn === 'warning',
    known: verdict.known,
  });
  for (const path of written) io.stdout(`Report written to ${path}\n`);
  if (failuresFile !== undefined) {
    await writeFailuresFile(failuresFile, report);
    io.stdout(
      `Failures saved to ${failuresFile}; re-run them with: npx user-status-contracts fuzz --replay ${failuresFile} --token "$TOKEN"\n`,
    );
  }
  if (outputs.verdict.saveBaseline !== undefined) {
    await saveBaseline(outputs.verdict.saveBaseline, report);
    io.stdout(
      `Baseline of ${report.findings.length} finding(s) written to ${outputs.verdict.saveBaseline}\n`,
    );
  }
  return { report, verdict };
}
