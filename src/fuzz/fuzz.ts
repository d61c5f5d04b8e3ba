import { Agent } from 'undici';
import { OptionError } from '../errors';
import { positiveInteger } from '../positiveInteger';
import { assertLoopbackTarget } from './assertLoopbackTarget';
import { SCENARIOS } from './_internals/caseArbitrary';
import type { FuzzCheck, FuzzCheckContext } from './FuzzCheck';
import type { CheckName } from './CheckName';
import { createRateLimiter } from './_internals/createRateLimiter';
import { FuzzCampaign } from './_internals/FuzzCampaign';
import type { FuzzCaseKind } from './_internals/FuzzCase';
import type { FuzzReport } from './FuzzReport';
import type { FuzzTarget } from './_internals/FuzzTarget';
import { probeTarget } from './_internals/probeTarget';
import { runScenario } from './_internals/runScenario';
import { selectChecks } from './_internals/selectChecks';

/** Live counters, reported while a run goes on. */
export interface FuzzProgress {
  readonly scenario: FuzzCaseKind;
  readonly requests: number;
  readonly cases: number;
  readonly findingsByCheck: Readonly<Partial<Record<CheckName, number>>>;
  readonly elapsedMs: number;
}

/** Options of `fuzz`. */
export interface FuzzOptions {
  /** The server's base URL (`http://127.0.0.1:4010`, or ending in `/v1.0`). */
  readonly baseUrl: string;
  /** A bearer token the server accepts. */
  readonly token: string;
  /** A device compliance policy id that exists on the server. */
  readonly policyId: string;
  /** The seed of the whole campaign. @defaultValue a random seed, reported */
  readonly seed?: number;
  /** Generated cases per scenario, on top of the canonical edge cases (which shard 1 always tries). @defaultValue 100 */
  readonly runs?: number;
  /** Start no new case after this many seconds (cases in flight finish). @defaultValue no limit */
  readonly maxTimeSeconds?: number;
  /** Requests in flight at once. @defaultValue 10 */
  readonly concurrency?: number;
  /** At most this many requests per second. @defaultValue no limit */
  readonly rateLimit?: number;
  /** A request without a complete answer after this long fails. @defaultValue 10000 */
  readonly requestTimeoutMs?: number;
  /** Run only these checks. @defaultValue every check that is on by default */
  readonly checks?: readonly CheckName[];
  /** Leave these checks out. @defaultValue none */
  readonly excludeChecks?: readonly CheckName[];
  /** Turns `max_response_time` on with this limit in milliseconds. @defaultValue off */
  readonly maxResponseTimeMs?: number;
  /** Allow a target that is not a loopback address. @defaultValue false */
  readonly allowRemote?: boolean;
  /** Run only shard `index` (1-based) of `count`; the shards together make one seeded campaign. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Print the bearer token in findings and curl reproductions. @defaultValue false */
  readonly showToken?: boolean;
  /** Called about four times a second with live counters. */
  readonly onProgress?: (progress: FuzzProgress) => void;
}

/**
 * Checks a server against the contract with property-based testing: generated cases for every
 * scenario, judged by every selected check. Each distinct way the server breaks a rule (check,
 * rule, pointer, answer) is shrunk by fast-check to a minimal case and reported once, graded
 * `failure` or `warning` by the rule's source; a check that judged nothing is "not exercised" and
 * makes the report `incomplete`.
 * @example
 * const report = await fuzz({ baseUrl: 'http://127.0.0.1:4010', token: 'local-dev-token', policyId });
 * for (const finding of report.findings) console.log(finding.level, finding.check, finding.curl);
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  assertLoopbackTarget(baseUrl, options.allowRemote === true);
  const checks = selectChecks(options);
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const concurrency = positiveInteger(options.concurrency ?? 10, { option: 'concurrency' });
  const runs = positiveInteger(options.runs ?? 100, { option: 'runs' });
  const shard = options.shard ?? { index: 1, count: 1 };
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw new OptionError(
      'shard',
      () =>
        `shard ${shard.index}/${shard.count} is not a shard: use index/count with 1 <= index <= count`,
    );
  }
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const deadline =
    options.maxTimeSeconds === undefined ? Infinity : started + options.maxTimeSeconds * 1000;
  const dispatcher = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });
  const target: FuzzTarget = {
    baseUrl,
    token: options.token,
    policyId: options.policyId,
    timeoutMs: options.requestTimeoutMs ?? 10_000,
    dispatcher,
    acquire: createRateLimiter(options.rateLimit),
    onRequest: () => void run.requests++,
    deadline,
  };
  const context: FuzzCheckContext = {
    seenIds: new Map(),
    ...(options.maxResponseTimeMs === undefined
      ? {}
      : { maxResponseTimeMs: options.maxResponseTimeMs }),
  };
  const run = new FuzzCampaign({ checks, target, context, showToken: options.showToken === true });
  const reportProgress = (): void =>
    options.onProgress?.({
      scenario: run.scenario,
      requests: run.requests,
      cases: run.cases,
      findingsByCheck: run.findingsByCheck,
      elapsedMs: performance.now() - started,
    });
  const timer = options.onProgress ? setInterval(reportProgress, 250) : undefined;

  try {
    await probeTarget(target);
    const planned = planScenarios(checks);
    for (const [index, kind] of planned.entries()) {
      const now = performance.now();
      if (now >= deadline) {
        run.interrupted = true;
        break;
      }
      // Each scenario gets its share of the time left, so a slow first scenario cannot use up a
      // maxTimeSeconds budget before the auth or media-type checks ever run.
      const scenarioDeadline = now + (deadline - now) / (planned.length - index);
      reportProgress();
      await runScenario(run, {
        kind,
        runs: shardRuns(runs, options.shard),
        concurrency,
        seed,
        shard,
        deadline: scenarioDeadline,
      });
      if (run.stopped) break;
    }
  } finally {
    if (timer) clearInterval(timer);
    await dispatcher.close();
  }

  const findings = run.findings();
  const summaries = run.summarize(findings);
  const notExercised = summaries.filter((summary) => summary.status === 'not exercised');
  const incompleteReasons = [
    ...(run.aborted === undefined ? [] : [`the run stopped early: ${run.aborted}`]),
    ...(notExercised.length === 0
      ? []
      : [
          `${notExercised.length} check(s) judged no case: ${notExercised.map((c) => c.name).join(', ')}`,
        ]),
  ];
  return {
    target: { baseUrl, policyId: options.policyId },
    seed,
    ...(options.shard ? { shard: options.shard } : {}),
    startedAt,
    durationMs: performance.now() - started,
    requests: run.requests,
    cases: run.cases,
    plannedCases: run.planned,
    throttledCases: run.throttled,
    checks: summaries,
    findings,
    rootCauses: FuzzCampaign.rootCauses(findings),
    interrupted: run.interrupted,
    ...(run.aborted === undefined ? {} : { aborted: run.aborted }),
    incomplete: incompleteReasons.length > 0,
    incompleteReasons,
  };
}

/** The scenarios a run goes through: those a selected check is about (all, for general checks only). */
function planScenarios(checks: readonly FuzzCheck[]): FuzzCaseKind[] {
  const onlyGeneral = checks.every((check) => check.kinds === undefined);
  return SCENARIOS.filter(
    (kind) => onlyGeneral || checks.some((check) => check.kinds?.includes(kind) === true),
  );
}

/** This shard's share of a scenario's runs; the shares of all shards add up to the whole. */
function shardRuns(total: number, shard: FuzzOptions['shard']): number {
  if (!shard) return Math.max(1, total);
  const share = Math.floor(total / shard.count) + (shard.index <= total % shard.count ? 1 : 0);
  return Math.max(1, share);
}
