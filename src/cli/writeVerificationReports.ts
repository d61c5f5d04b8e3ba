import { toJunitXml } from '../reports/toJunitXml';
import type { VerificationReport } from '../pact/VerificationReport';
import type { ReportTargets } from './fuzzFlags';
import { OutputFile } from './OutputFile';
import { pactJunitSuite } from './pactJunitSuite';

/** When a verification ran: for the JUnit suite's `time` and `timestamp`. */
export interface VerificationTiming {
  readonly seconds: number;
  /** ISO 8601. */
  readonly startedAt: string;
}

/**
 * Writes the `--report` files of `verify`: JSON `{ "pact": <the verification report> }`, the shape
 * `check` writes for its Pact step, and JUnit XML with one test case per interaction. Each file is
 * written whole or not at all. Resolves to the paths written.
 */
export async function writeVerificationReports(
  report: VerificationReport,
  targets: ReportTargets,
  timing: VerificationTiming,
): Promise<string[]> {
  const written: string[] = [];
  const files: Array<[kind: string, path: string | undefined, text: () => string]> = [
    ['json', targets.json, () => `${JSON.stringify({ pact: report }, null, 2)}\n`],
    [
      'junit',
      targets.junit,
      () => toJunitXml([pactJunitSuite(report, timing.seconds, timing.startedAt)]),
    ],
  ];
  for (const [kind, path, text] of files) {
    if (path === undefined) continue;
    const file = await OutputFile.open(path, `--report ${kind}`);
    try {
      await file.write(text());
      await file.commit();
    } catch (error) {
      await file.discard();
      throw error;
    }
    written.push(path);
  }
  return written;
}
