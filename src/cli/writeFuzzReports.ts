import { writeFile } from 'node:fs/promises';
import { InputError } from '../errors';
import type { FuzzReport } from '../fuzz/FuzzReport';
import { fuzzJunitSuite, type FuzzJunitOptions } from '../fuzz/fuzzJunitSuite';
import { toJunitXml, type JunitSuite } from '../reports/toJunitXml';
import type { ReportTargets } from './fuzzFlags';

/** What `check` adds to a fuzzing run's reports: its Pact verification. */
export interface ExtraReportContent {
  /** Top-level JSON properties beside `fuzz`. */
  readonly json?: Readonly<Record<string, unknown>>;
  /** JUnit suites before the fuzzing suite. */
  readonly suites?: readonly JunitSuite[];
}

/** Writes the `--report` files of a run (JSON and/or JUnit XML), with what `extra` adds. */
export async function writeFuzzReports(
  report: FuzzReport,
  targets: ReportTargets,
  extra: ExtraReportContent = {},
  junit: Omit<FuzzJunitOptions, 'name'> = {},
): Promise<string[]> {
  const written: string[] = [];
  const write = async (path: string, text: string): Promise<void> => {
    try {
      await writeFile(path, text);
      written.push(path);
    } catch (error) {
      throw new InputError(path, `cannot write the report ${path}: ${(error as Error).message}`);
    }
  };
  const json = extra.json ? { ...extra.json, fuzz: report } : report;
  if (targets.json) await write(targets.json, `${JSON.stringify(json, null, 2)}\n`);
  if (targets.junit)
    await write(
      targets.junit,
      toJunitXml([...(extra.suites ?? []), fuzzJunitSuite(report, junit)]),
    );
  return written;
}
