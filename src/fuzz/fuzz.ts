import fc from 'fast-check';
import { Agent } from 'undici';
import { ConnectionError, UsageError } from '../errors';
import { listIssues } from '../validator/listIssues';
import { assertLoopbackTarget } from './assertLoopbackTarget';
import { caseArbitrary, caseExamples, SCENARIOS } from './caseArbitrary';
import type { CaseOutcome } from './CaseOutcome';
import type { Check, CheckContext, CheckVerdict } from './Check';
import type { CheckName } from './CheckName';
import { ALL_CHECKS } from './checks/index';
import { createRateLimiter } from './createRateLimiter';
import { deriveSeed } from './deriveSeed';
import type { FuzzCase, FuzzCaseKind } from './FuzzCase';
import type { CheckSummary, FuzzFinding, FuzzReport } from './FuzzReport';
import type { FuzzTarget } from './FuzzTarget';
import { runCase, sampleCreateRequest } from './runCase';
import { sendRequest } from './sendRequest';
import { redactToken } from './redactToken';
import { toCurl } from './toCurl';

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
  /** Stop starting new cases after this many seconds. @defaultValue no limit */
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
  /** Print the bearer token in curl reproductions. @defaultValue false */
  readonly showToken?: boolean;
  /** Called about four times a second with live counters. */
  readonly onProgress?: (progress: FuzzProgress) => void;
}

/** Mutable tallies of one run. */
interface Tally {
  requests: number;
  cases: number;
  interrupted: boolean;
  aborted?: string;
  scenario: FuzzCaseKind;
  readonly findings: FuzzFinding[];
  readonly findingsByCheck: Partial<Record<CheckName, number>>;
  readonly judged: Map<CheckName, number>;
  readonly skipped: Map<CheckName, number>;
  readonly notes: Map<CheckName, Set<string>>;
  readonly ran: Set<CheckName>;
}

/**
 * Checks a server against the contract with property-based testing: generated cases for every
 * scenario, judged by every selected check, each failure shrunk by fast-check to a minimal case.
 * After a check fails in a scenario, the scenario goes on with the other checks, so one run reports
 * every way the server breaks the contract.
 * @example
 * const report = await fuzz({ baseUrl: 'http://127.0.0.1:4010', token: 'local-dev-token', policyId });
 * for (const finding of report.findings) console.log(finding.check, finding.curl);
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  assertLoopbackTarget(baseUrl, options.allowRemote === true);
  const checks = selectChecks(options);
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const concurrency = positive(options.concurrency ?? 10, 'concurrency');
  const runs = positive(options.runs ?? 100, 'runs');
  const { shard } = options;
  if (shard && (shard.count < 1 || shard.index < 1 || shard.index > shard.count)) {
    throw new UsageError(
      `--shard ${shard.index}/${shard.count} is not a shard: use i/n with 1 <= i <= n`,
    );
  }
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const deadline =
    options.maxTimeSeconds === undefined ? Infinity : started + options.maxTimeSeconds * 1000;
  const dispatcher = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });
  const tally: Tally = {
    requests: 0,
    cases: 0,
    interrupted: false,
    scenario: SCENARIOS[0] ?? 'create',
    findings: [],
    findingsByCheck: {},
    judged: new Map(),
    skipped: new Map(),
    notes: new Map(),
    ran: new Set(),
  };
  const target: FuzzTarget = {
    baseUrl,
    token: options.token,
    policyId: options.policyId,
    timeoutMs: options.requestTimeoutMs ?? 10_000,
    dispatcher,
    acquire: createRateLimiter(options.rateLimit),
    onRequest: () => void tally.requests++,
  };
  const context: CheckContext = {
    seenIds: new Map(),
    ...(options.maxResponseTimeMs === undefined
      ? {}
      : { maxResponseTimeMs: options.maxResponseTimeMs }),
  };
  const reportProgress = (): void =>
    options.onProgress?.({
      scenario: tally.scenario,
      requests: tally.requests,
      cases: tally.cases,
      findingsByCheck: tally.findingsByCheck,
      elapsedMs: performance.now() - started,
    });
  const timer = options.onProgress ? setInterval(reportProgress, 250) : undefined;

  try {
    await probe(target);
    // A scenario runs when a selected check is about its kind, or when only checks of every answer are selected.
    const onlyGeneral = checks.every((check) => check.kinds === undefined);
    const planned = SCENARIOS.map((kind) => ({
      kind,
      enabled: checks.filter((check) => appliesTo(check, kind)),
    })).filter(({ enabled }) => onlyGeneral || enabled.some((check) => check.kinds !== undefined));
    for (const [index, { kind, enabled }] of planned.entries()) {
      const now = performance.now();
      if (now >= deadline) {
        tally.interrupted = true;
        break;
      }
      // Each scenario gets its share of the time left, so a slow first scenario cannot use up a
      // --max-time budget before the auth or media-type checks ever run.
      const scenarioDeadline = now + (deadline - now) / (planned.length - index);
      tally.scenario = kind;
      reportProgress();
      await runScenario(kind, enabled, scenarioDeadline);
      if (tally.aborted !== undefined) break;
    }
  } finally {
    if (timer) clearInterval(timer);
    await dispatcher.close();
  }

  return {
    target: { baseUrl, policyId: options.policyId },
    seed,
    ...(shard ? { shard } : {}),
    startedAt,
    durationMs: performance.now() - started,
    requests: tally.requests,
    cases: tally.cases,
    checks: summarize(checks, tally),
    findings: tally.findings,
    interrupted: tally.interrupted,
    ...(tally.aborted === undefined ? {} : { aborted: tally.aborted }),
  };

  /**
   * Runs one scenario until its runs are spent: `concurrency` workers, each its own seeded
   * fast-check property over single cases, so requests stay in flight without waiting on a batch.
   * Each failing check is reported once per scenario and then set aside.
   */
  async function runScenario(
    kind: FuzzCaseKind,
    enabled: readonly Check[],
    scenarioDeadline: number,
  ): Promise<void> {
    for (const check of enabled) tally.ran.add(check.name);
    const failed = new Set<CheckName>();
    const total = shardRuns(runs, shard);
    const workers = Math.min(concurrency, total);
    // The canonical edge cases go first, once per campaign (shard 1 carries them), dealt out to the workers.
    const examples = (shard?.index ?? 1) === 1 ? caseExamples(kind) : [];
    await Promise.all(
      Array.from({ length: workers }, (_, worker) =>
        runWorker(kind, enabled, failed, scenarioDeadline, {
          worker,
          runs: Math.floor(total / workers) + (worker < total % workers ? 1 : 0),
          examples: examples.filter((_example, index) => index % workers === worker),
        }),
      ),
    );
  }

  /** One worker of a scenario: checks cases one at a time, shrinks a failure, replays it, goes on. */
  async function runWorker(
    kind: FuzzCaseKind,
    enabled: readonly Check[],
    failed: Set<CheckName>,
    scenarioDeadline: number,
    share: { readonly worker: number; readonly runs: number; readonly examples: FuzzCase[] },
  ): Promise<void> {
    const arbitrary = caseArbitrary(kind);
    const unreported = (): Check[] => enabled.filter((check) => !failed.has(check.name));
    let remaining = share.runs;
    for (let round = 0; remaining > 0 && tally.aborted === undefined; round++) {
      const checking = unreported();
      if (checking.length === 0) return;
      const timeLeft = scenarioDeadline - performance.now();
      if (timeLeft <= 0) {
        tally.interrupted = true;
        return;
      }
      const runSeed = deriveSeed(
        seed,
        kind,
        shard?.index ?? 1,
        shard?.count ?? 1,
        round,
        share.worker,
      );
      const property = fc.asyncProperty(arbitrary, async (fuzzCase) => {
        if (!stillInvalid(fuzzCase)) return true;
        const outcome = await runCase(fuzzCase, target);
        tally.cases++;
        // Checks another worker has reported meanwhile are not chased again.
        return judgeAll(outcome, unreported()).length === 0;
      });
      // The canonical cases come on top of the budget: a small --runs still tries every one.
      const examples = round === 0 ? share.examples.map((fuzzCase): [FuzzCase] => [fuzzCase]) : [];
      const result = await fc.check(property, {
        seed: runSeed,
        numRuns: remaining + examples.length,
        examples,
        markInterruptAsFailure: false,
        ...(Number.isFinite(timeLeft)
          ? { interruptAfterTimeLimit: Math.max(1, Math.floor(timeLeft)) }
          : {}),
      });
      remaining -= Math.max(1, result.numRuns - examples.length);
      if (result.interrupted) tally.interrupted = true;
      if (!result.failed || result.counterexample === null) return;
      // Replay the minimal case once more to learn which checks fail on it, and how.
      const [minimal] = result.counterexample;
      const outcome = await runCase(minimal, target);
      tally.cases++; // judged like any other case, so the summary's total covers the checks' counts
      const failures = judgeAll(outcome, checking);
      if (failures.length === 0) {
        for (const check of checking) {
          addNote(
            tally.notes,
            check.name,
            `a failure in scenario ${kind} did not reproduce on replay (flaky server?)`,
          );
        }
        return;
      }
      for (const [check, verdict] of failures) {
        if (failed.has(check.name)) continue;
        failed.add(check.name);
        tally.findingsByCheck[check.name] = (tally.findingsByCheck[check.name] ?? 0) + 1;
        tally.findings.push(
          toFinding(
            check.name,
            verdict,
            outcome,
            kind,
            runSeed,
            result,
            baseUrl,
            options.showToken === true,
            options.token,
          ),
        );
        const { response } = verdict.exchange;
        if (response.kind === 'failure' && response.reason === 'connection-refused') {
          tally.aborted = 'the server stopped accepting connections';
        }
      }
    }
  }

  /** Judges one outcome with the given checks; returns the failures, and tallies passes and skips. */
  function judgeAll(
    outcome: CaseOutcome,
    checking: readonly Check[],
  ): Array<[Check, Extract<CheckVerdict, { status: 'fail' }>]> {
    const failures: Array<[Check, Extract<CheckVerdict, { status: 'fail' }>]> = [];
    for (const check of checking) {
      if (!appliesTo(check, outcome.fuzzCase.kind)) continue;
      const verdict = check.judge(outcome, context);
      increment(tally.judged, check.name);
      if (verdict.status === 'fail') failures.push([check, verdict]);
      if (verdict.status === 'skip') {
        increment(tally.skipped, check.name);
        addNote(tally.notes, check.name, verdict.note);
      }
    }
    return failures;
  }
}

function summarize(checks: readonly Check[], tally: Tally): CheckSummary[] {
  return checks.map((check) => {
    const findings = tally.findings.filter((finding) => finding.check === check.name).length;
    const cases = tally.judged.get(check.name) ?? 0;
    const status: CheckSummary['status'] = !tally.ran.has(check.name)
      ? 'not run'
      : findings > 0
        ? 'failed'
        : cases > 0 && tally.skipped.get(check.name) === cases
          ? 'skipped'
          : 'passed';
    return {
      name: check.name,
      description: check.description,
      status,
      findings,
      cases,
      notes: [...(tally.notes.get(check.name) ?? [])],
    };
  });
}

function selectChecks(options: FuzzOptions): Check[] {
  const known = new Set<string>(ALL_CHECKS.map((check) => check.name));
  for (const name of [...(options.checks ?? []), ...(options.excludeChecks ?? [])]) {
    if (!known.has(name)) {
      throw new UsageError(
        `unknown check ${JSON.stringify(name)}; the checks are ${[...known].join(', ')}`,
      );
    }
  }
  const wanted = options.checks;
  const selected = ALL_CHECKS.filter((check) =>
    wanted !== undefined && wanted.length > 0
      ? wanted.includes(check.name)
      : check.optIn !== true || options.maxResponseTimeMs !== undefined,
  ).filter((check) => !(options.excludeChecks ?? []).includes(check.name));
  if (selected.length === 0)
    throw new UsageError('no check is left to run; see --checks and --exclude-checks');
  if (
    selected.some((check) => check.name === 'max_response_time') &&
    options.maxResponseTimeMs === undefined
  ) {
    throw new UsageError('max_response_time needs a limit: pass --max-response-time MS');
  }
  return selected;
}

function appliesTo(check: Check, kind: FuzzCaseKind): boolean {
  return check.kinds === undefined || check.kinds.includes(kind);
}

/** A labelled invalid case whose body no longer breaks its labelled rule is not a negative case. */
function stillInvalid(fuzzCase: FuzzCase): boolean {
  if (fuzzCase.kind !== 'invalid') return true;
  const { path, rule } = fuzzCase.violation;
  return listIssues('request', fuzzCase.body).some(
    (issue) => issue.path === path && issue.rule === rule,
  );
}

/**
 * Makes sure the target can be fuzzed before the campaign starts: it answers at all, and it takes
 * a valid create with the given token and policy. A wrong --token, --policy-id or base path is one
 * clear error, not a finding in every scenario.
 */
async function probe(target: FuzzTarget): Promise<void> {
  const request = sampleCreateRequest(target);
  const created = await sendRequest(request, {
    baseUrl: target.baseUrl,
    timeoutMs: target.timeoutMs,
    dispatcher: target.dispatcher,
  });
  if (created.kind === 'failure') {
    throw new ConnectionError(
      target.baseUrl,
      created.reason === 'timeout'
        ? `${target.baseUrl} did not answer a valid create: ${created.message}. Is the server stuck, or slower than --request-timeout allows?`
        : `cannot reach ${target.baseUrl}: ${created.message}. Is the server running, and is --base-url right?`,
    );
  }
  const where = `POST ${target.baseUrl}${request.path}`;
  if (created.status === 401 || created.status === 403) {
    throw new UsageError(
      `${where} with a valid body was answered ${created.status}: the server does not accept --token. ` +
        'Pass a bearer token it accepts.',
    );
  }
  if (created.status === 404) {
    throw new UsageError(
      `${where} with a valid body was answered 404: check that --policy-id names a policy that exists ` +
        'and that --base-url is the root the /deviceManagement/... paths live under (it may end in /v1.0).',
    );
  }
}

/** This shard's share of a scenario's runs; the shares of all shards add up to the whole. */
function shardRuns(total: number, shard: FuzzOptions['shard']): number {
  if (!shard) return Math.max(1, total);
  const share = Math.floor(total / shard.count) + (shard.index <= total % shard.count ? 1 : 0);
  return Math.max(1, share);
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`--${name} must be a positive integer, not ${value}`);
  return value;
}

function increment(counts: Map<CheckName, number>, name: CheckName): void {
  counts.set(name, (counts.get(name) ?? 0) + 1);
}

function addNote(notes: Map<CheckName, Set<string>>, name: CheckName, note: string): void {
  let set = notes.get(name);
  if (!set) notes.set(name, (set = new Set()));
  set.add(note);
}

function toFinding(
  check: CheckName,
  verdict: Extract<CheckVerdict, { status: 'fail' }>,
  outcome: CaseOutcome,
  scenario: FuzzCaseKind,
  seed: number,
  result: fc.RunDetails<[FuzzCase]>,
  baseUrl: string,
  showToken: boolean,
  token: string,
): FuzzFinding {
  const { response } = verdict.exchange;
  // Findings are saved and uploaded as CI artifacts: the token stays out unless asked for.
  const request = showToken
    ? verdict.exchange.request
    : redactToken(verdict.exchange.request, token);
  return {
    check,
    message: verdict.message,
    scenario,
    fuzzCase: outcome.fuzzCase,
    request,
    response:
      response.kind === 'response'
        ? {
            status: response.status,
            headers: response.headers,
            body: response.body.slice(0, 4096),
            durationMs: response.durationMs,
          }
        : { failure: response.message, durationMs: response.durationMs },
    seed,
    path: result.counterexamplePath ?? '',
    shrinks: result.numShrinks,
    curl: toCurl(request, { baseUrl }),
  };
}
