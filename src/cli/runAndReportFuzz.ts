import { fuzz, type FuzzOptions } from '../fuzz/fuzz';
import type { FuzzReport } from '../fuzz/FuzzReport';
import type { CliIo } from './CliIo';
import type { ReportTargets } from './fuzzFlags';
import { fuzzProgressPrinter } from './fuzzProgressPrinter';
import { reportFuzzRun } from './reportFuzzRun';
import type { ExtraReportContent } from './writeFuzzReports';

/** Runs the fuzzer with live progress, then prints and writes its findings, summary and reports. */
export async function runAndReportFuzz(
  options: Omit<FuzzOptions, 'onProgress'>,
  io: CliIo,
  reports: ReportTargets,
  saveFailures: string | false,
  extra: ExtraReportContent = {},
): Promise<FuzzReport> {
  const progress = fuzzProgressPrinter(io);
  const report = await fuzz({ ...options, onProgress: progress.update });
  progress.done();
  await reportFuzzRun(
    report,
    io,
    reports,
    saveFailures === false ? undefined : saveFailures,
    extra,
  );
  return report;
}
