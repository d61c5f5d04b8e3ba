import fc from 'fast-check';
import { listAdvisories } from '../../validator/listAdvisories';
import { listIssues } from '../../validator/listIssues';
import { caseArbitrary, caseExamples } from './caseArbitrary';
import type { FuzzCampaign, JudgedCase } from './FuzzCampaign';
import type { FuzzCase, FuzzCaseKind } from './FuzzCase';

/** One scenario of a campaign: what to generate, how many, with which seed, until when. */
export interface ScenarioPlan {
  readonly kind: FuzzCaseKind;
  /** Generated cases in this shard (the canonical examples come on top, in shard 1). */
  readonly runs: number;
  readonly concurrency: number;
  readonly seed: number;
  readonly shard: { readonly index: number; readonly count: number };
  /** No case starts after this (`performance.now()` milliseconds); cases in flight finish. */
  readonly deadline: number;
}

/**
 * Runs one scenario: `concurrency` workers, each its own seeded fast-check property over single
 * cases, so requests stay in flight without waiting on a batch. A case that breaks a rule in a new
 * way is shrunk and kept as a finding; the worker then goes on with its remaining runs, so every
 * distinct failure is found, not only the first.
 */
export async function runScenario(campaign: FuzzCampaign, plan: ScenarioPlan): Promise<void> {
  campaign.startScenario(plan.kind);
  const workers = Math.min(plan.concurrency, plan.runs);
  // The canonical edge cases go first, once per campaign (shard 1 carries them), dealt out to the workers.
  const examples = plan.shard.index === 1 ? caseExamples(plan.kind) : [];
  campaign.planned += plan.runs + examples.length;
  await Promise.all(
    Array.from({ length: workers }, (_, worker) =>
      runWorker(campaign, plan, {
        worker,
        runs: Math.floor(plan.runs / workers) + (worker < plan.runs % workers ? 1 : 0),
        examples: examples.filter((_example, index) => index % workers === worker),
      }),
    ),
  );
}

/** One worker of a scenario: checks cases one at a time, shrinks each new failure, goes on. */
async function runWorker(
  campaign: FuzzCampaign,
  plan: ScenarioPlan,
  share: { readonly worker: number; readonly runs: number; readonly examples: FuzzCase[] },
): Promise<void> {
  const arbitrary = caseArbitrary(plan.kind);
  let remaining = share.runs;
  for (let round = 0; remaining > 0 && !campaign.stopped; round++) {
    // The latest case that broke a rule in a new way: fast-check ends its shrinking on it.
    let latest: JudgedCase | undefined;
    const property = fc.asyncProperty(arbitrary, async (fuzzCase) => {
      // Past the deadline no case starts; the ones in flight are awaited, never dropped.
      if (campaign.stopped || performance.now() >= plan.deadline)
        throw new fc.PreconditionFailure(true);
      if (!stillInvalid(fuzzCase)) return true;
      const judged = await campaign.runAndJudge(fuzzCase, latest === undefined);
      if (judged === undefined) return true; // throttled: not judged
      if (judged.breaches.every(({ id }) => campaign.isFound(id))) return true;
      latest = judged;
      return false;
    });
    // The canonical cases come on top of the budget: a small `runs` still tries every one.
    const examples = round === 0 ? share.examples.map((fuzzCase): [FuzzCase] => [fuzzCase]) : [];
    const result = await fc.check(property, {
      seed: deriveSeed(
        plan.seed,
        plan.kind,
        plan.shard.index,
        plan.shard.count,
        round,
        share.worker,
      ),
      numRuns: remaining + examples.length,
      examples,
      markInterruptAsFailure: false,
    });
    remaining -= Math.max(1, result.numRuns - examples.length);
    if (result.interrupted && !campaign.stopped) campaign.interrupted = true;
    if (result.failed && result.counterexample !== null && latest !== undefined) {
      // fast-check's counterexample is the last case the property failed on: `latest`.
      campaign.record(latest, result.numShrinks);
    }
    if (result.interrupted || !result.failed) return;
  }
}

/**
 * A labelled invalid case whose body no longer breaks its labelled rule is not a negative case
 * (shrinking can repair it). An advisory one must still break the toolkit's advice.
 */
function stillInvalid(fuzzCase: FuzzCase): boolean {
  if (fuzzCase.kind !== 'invalid') return true;
  const { path, rule, advisory } = fuzzCase.violation;
  const issues = advisory
    ? listIssues('request', fuzzCase.body).length === 0
      ? listAdvisories(fuzzCase.body)
      : []
    : listIssues('request', fuzzCase.body);
  return issues.some((issue) => issue.path === path && issue.rule === rule);
}

/** A 31-bit seed derived from a base seed and labels (FNV-1a), stable on every machine. */
function deriveSeed(seed: number, ...labels: ReadonlyArray<string | number>): number {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (const char of labels.join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & 0x7fffffff;
}
