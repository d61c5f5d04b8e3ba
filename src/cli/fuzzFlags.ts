import { Option, type Command } from 'commander';
import { CHECK_NAMES, type CheckName } from '../fuzz/CheckName';
import type { FuzzOptions } from '../fuzz/fuzz';
import { UsageError } from '../errors';
import { parseInteger, parseList, parseRate, parseReports, parseShard } from './parseOptionValues';

/** How long a request may take without --request-timeout, in milliseconds (the fuzzer's default). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** The raw values of the fuzzing flags that `fuzz` and `check` share, as commander gives them. */
export interface RawFuzzFlags {
  seed?: string;
  runs?: string;
  maxTime?: string;
  concurrency?: string;
  rateLimit?: string;
  requestTimeout?: string;
  checks?: string;
  excludeChecks?: string;
  maxResponseTime?: string;
  allowRemote?: boolean;
  shard?: string;
  report: string[];
  showToken?: boolean;
  failOn?: string;
  allowIncomplete?: boolean;
  baseline?: string;
  saveBaseline?: string;
}

/** Adds the fuzzing flags shared by `fuzz` and `check` to a command. */
export function addFuzzFlags(command: Command, defaults: { runs: number }): Command {
  return command
    .option(
      '--seed <S>',
      'seed of the campaign, 0 to 2147483647 (default: random, printed in the summary)',
    )
    .option(
      '--runs <N>',
      `N generated cases per scenario, on top of the canonical edge cases (default: ${defaults.runs})`,
    )
    .option(
      '--max-time <SECONDS>',
      'stop starting new cases after this many seconds (default: no limit)',
    )
    .option('--concurrency <C>', 'requests in flight at once (default: 10)')
    .option('--rate-limit <N/s>', 'at most N requests per second, e.g. 50/s (default: no limit)')
    .option(
      '--request-timeout <MS>',
      `a request with no complete answer after MS fails (default: ${DEFAULT_REQUEST_TIMEOUT_MS})`,
    )
    .option(
      '--checks <names>',
      `comma-separated checks to run (default: all but max_response_time): ${CHECK_NAMES.join(', ')}`,
    )
    .option(
      '--exclude-checks <names>',
      'comma-separated checks to leave out, e.g. use_after_free,unsupported_method',
    )
    .option(
      '--max-response-time <MS>',
      'turn max_response_time on: every answer within MS milliseconds',
    )
    .option(
      '--allow-remote',
      'allow a target that is not a loopback address (fuzzing creates data)',
    )
    .option(
      '--shard <i/n>',
      'run shard i of n of the same seeded campaign (e.g. 1/4 on each of 4 CI machines)',
    )
    .addOption(reportOption('also write a report: json=PATH or junit=PATH (repeatable)'))
    .option(
      '--show-token',
      'print the bearer token in findings and curl reproductions instead of $TOKEN',
    )
    .option(
      '--fail-on <LEVEL>',
      'the lowest finding level that fails the run: failure, or warning (warnings too) (default: failure)',
    )
    .option(
      '--allow-incomplete',
      'exit 0 instead of 3 when nothing failed but the run is incomplete (a check judged no case)',
    )
    .option(
      '--baseline <FILE>',
      'known findings (written by --save-baseline): only findings it does not list fail the run',
    )
    .option('--save-baseline <FILE>', "write this run's findings as a baseline to FILE");
}

/** The report files asked for with `--report`. */
export interface ReportTargets {
  readonly json?: string;
  readonly junit?: string;
}

/** The repeatable `--report <kind=PATH>` option, described as the verb's reports are. */
export function reportOption(description: string): Option {
  return new Option('--report <kind=PATH>', description)
    .argParser((value: string, previous: string[] = []) => [...previous, value])
    .default([], 'none');
}

/** Parses `--report` values into the report files asked for (the last of a kind wins). */
export function parseReportTargets(values: readonly string[]): ReportTargets {
  const reports = parseReports(values, ['json', 'junit'] as const);
  const json = reports.get('json');
  const junit = reports.get('junit');
  return { ...(json ? { json } : {}), ...(junit ? { junit } : {}) };
}

/** How the run's findings decide the exit code, and where its baseline comes from and goes. */
export interface VerdictFlags {
  readonly failOn: 'failure' | 'warning';
  readonly allowIncomplete: boolean;
  readonly baseline?: string;
  readonly saveBaseline?: string;
}

/** Turns the shared fuzzing flags into `fuzz` options (without the target), report paths and verdict flags. */
export function parseFuzzFlags(
  raw: RawFuzzFlags,
  defaults: { runs: number },
): {
  options: Omit<FuzzOptions, 'baseUrl' | 'token' | 'policyId'>;
  reports: ReportTargets;
  verdict: VerdictFlags;
} {
  const checks = raw.checks === undefined ? undefined : parseCheckNames(raw.checks, '--checks');
  const excludeChecks =
    raw.excludeChecks === undefined
      ? undefined
      : parseCheckNames(raw.excludeChecks, '--exclude-checks');
  const reports = parseReportTargets(raw.report);
  const options: Omit<FuzzOptions, 'baseUrl' | 'token' | 'policyId'> = {
    runs: raw.runs === undefined ? defaults.runs : parseInteger(raw.runs, '--runs', { min: 1 }),
    ...(raw.seed === undefined
      ? {}
      : { seed: parseInteger(raw.seed, '--seed', { min: 0, max: 0x7fffffff }) }),
    ...(raw.maxTime === undefined
      ? {}
      : { maxTimeSeconds: parseInteger(raw.maxTime, '--max-time', { min: 1 }) }),
    ...(raw.concurrency === undefined
      ? {}
      : { concurrency: parseInteger(raw.concurrency, '--concurrency', { min: 1, max: 256 }) }),
    ...(raw.rateLimit === undefined ? {} : { rateLimit: parseRate(raw.rateLimit, '--rate-limit') }),
    ...(raw.requestTimeout === undefined
      ? {}
      : { requestTimeoutMs: parseInteger(raw.requestTimeout, '--request-timeout', { min: 1 }) }),
    ...(checks === undefined ? {} : { checks }),
    ...(excludeChecks === undefined ? {} : { excludeChecks }),
    ...(raw.maxResponseTime === undefined
      ? {}
      : {
          maxResponseTimeMs: parseInteger(raw.maxResponseTime, '--max-response-time', { min: 1 }),
        }),
    allowRemote: raw.allowRemote === true,
    ...(raw.shard === undefined ? {} : { shard: parseShard(raw.shard, '--shard') }),
    showToken: raw.showToken === true,
  };
  if (raw.failOn !== undefined && raw.failOn !== 'failure' && raw.failOn !== 'warning') {
    throw new UsageError(`--fail-on takes failure or warning, not ${JSON.stringify(raw.failOn)}`);
  }
  const verdict: VerdictFlags = {
    failOn: raw.failOn === 'warning' ? 'warning' : 'failure',
    allowIncomplete: raw.allowIncomplete === true,
    ...(raw.baseline === undefined ? {} : { baseline: raw.baseline }),
    ...(raw.saveBaseline === undefined ? {} : { saveBaseline: raw.saveBaseline }),
  };
  return { options, reports, verdict };
}

function parseCheckNames(value: string, flag: string): CheckName[] {
  const names = parseList(value);
  for (const name of names) {
    if (!(CHECK_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(
        `${flag}: unknown check ${JSON.stringify(name)}; the checks are ${CHECK_NAMES.join(', ')}`,
      );
    }
  }
  return names as CheckName[];
}
