import { createHash } from 'node:crypto';
import { fieldName } from '../../errors';
import type { CaseOutcome } from './CaseOutcome';
import type { FuzzCheck, FuzzCheckContext, RuleBreach } from '../FuzzCheck';
import type { CheckName } from '../CheckName';
import { findingId } from './findingId';
import type { FuzzCase, FuzzCaseKind } from './FuzzCase';
import type { CheckSummary, FuzzFinding, RootCause } from '../FuzzReport';
import type { FuzzTarget } from './FuzzTarget';
import { redactToken, redactTokenInText } from './redactToken';
import { REPORT_OPTION_NOTES } from './reportOptionNotes';
import { isThrottled, runCase } from './runCase';
import { toCurl } from './toCurl';

/** A rule a case broke, with the check that saw it and the finding it makes. */
export interface CaseBreach {
  readonly check: FuzzCheck;
  readonly breach: RuleBreach;
  readonly id: string;
}

/** A case that was run and judged. */
export interface JudgedCase {
  readonly outcome: CaseOutcome;
  readonly breaches: readonly CaseBreach[];
}

/** What the campaign needs to know besides the checks. */
export interface CampaignSettings {
  readonly checks: readonly FuzzCheck[];
  readonly target: FuzzTarget;
  readonly context: FuzzCheckContext;
  /** Show the bearer token in findings instead of `$TOKEN`. */
  readonly showToken: boolean;
}

interface FindingDraft {
  readonly check: FuzzCheck;
  readonly breach: RuleBreach;
  readonly scenario: FuzzCaseKind;
  readonly fuzzCase: FuzzCase;
  readonly shrinks: number;
  readonly rootCause: string;
}

/** After this many throttled cases, a campaign where most cases were throttled stops. */
const THROTTLE_ABORT_AFTER = 20;

/**
 * The state of one fuzzing run: it runs and judges cases, counts what was judged, throttled and
 * planned, and keeps each distinct finding once (the first shrunk case that showed it).
 */
export class FuzzCampaign {
  requests = 0;
  cases = 0;
  planned = 0;
  throttled = 0;
  interrupted = false;
  aborted: string | undefined;
  scenario: FuzzCaseKind = 'create';
  readonly findingsByCheck: Partial<Record<CheckName, number>> = {};
  private readonly started = new Set<FuzzCaseKind>();
  private readonly throttledIn = new Map<FuzzCaseKind, number>();
  private readonly judged = new Map<CheckName, number>();
  private readonly skipped = new Map<CheckName, number>();
  private readonly notes = new Map<CheckName, Set<string>>();
  private readonly hits = new Map<string, number>();
  private readonly found = new Map<string, FindingDraft>();

  constructor(private readonly settings: CampaignSettings) {}

  /** Marks a scenario as started (its checks can be exercised). */
  startScenario(kind: FuzzCaseKind): void {
    this.scenario = kind;
    this.started.add(kind);
  }

  /** Whether the campaign stopped for good (the server went away, or throttles everything). */
  get stopped(): boolean {
    return this.aborted !== undefined;
  }

  /**
   * Runs one case and judges it with every check about its kind. Returns `undefined` for a case
   * the server throttled (it says nothing about the contract). `counting` is false while
   * shrinking, so that a finding's hits count generated cases only.
   */
  async runAndJudge(fuzzCase: FuzzCase, counting: boolean): Promise<JudgedCase | undefined> {
    const outcome = await runCase(fuzzCase, this.settings.target);
    if (outcome.exchanges.some((exchange) => isThrottled(exchange.response))) {
      this.throttled++;
      this.throttledIn.set(fuzzCase.kind, (this.throttledIn.get(fuzzCase.kind) ?? 0) + 1);
      if (this.throttled >= THROTTLE_ABORT_AFTER && this.throttled > this.cases) {
        this.aborted ??= REPORT_OPTION_NOTES.throttled(fieldName);
      }
      return undefined;
    }
    this.cases++;
    const breaches: CaseBreach[] = [];
    for (const check of this.settings.checks) {
      if (check.kinds !== undefined && !check.kinds.includes(fuzzCase.kind)) continue;
      const verdict = check.judge(outcome, this.settings.context);
      increment(this.judged, check.name);
      if (verdict.status === 'skip') {
        increment(this.skipped, check.name);
        this.note(check.name, verdict.note);
      } else if (verdict.status === 'fail') {
        const id = findingId(check.name, verdict);
        breaches.push({ check, breach: verdict, id });
        if (counting) this.hits.set(id, (this.hits.get(id) ?? 0) + 1);
      }
    }
    const refused = outcome.exchanges.find(
      ({ response }) => response.kind === 'failure' && response.reason === 'connection-refused',
    );
    if (refused) this.aborted ??= 'the server stopped accepting connections';
    return { outcome, breaches };
  }

  /** Whether a finding with this id is already reported. */
  isFound(id: string): boolean {
    return this.found.has(id);
  }

  /** Keeps every breach of a minimal case that is not reported yet, as a finding. */
  record(judged: JudgedCase, shrinks: number): void {
    const { outcome } = judged;
    const main = outcome.main.request;
    const rootCause = shortHash([main.method, main.path, main.body ?? ''].join('\u0000'));
    for (const { check, breach, id } of judged.breaches) {
      if (this.found.has(id)) continue;
      this.found.set(id, {
        check,
        breach,
        scenario: outcome.fuzzCase.kind,
        fuzzCase: outcome.fuzzCase,
        shrinks,
        rootCause,
      });
      this.hits.set(id, Math.max(1, this.hits.get(id) ?? 0));
      this.findingsByCheck[check.name] = (this.findingsByCheck[check.name] ?? 0) + 1;
    }
  }

  /** Adds a remark to a check's summary. */
  note(name: CheckName, note: string): void {
    let set = this.notes.get(name);
    if (!set) this.notes.set(name, (set = new Set()));
    set.add(note);
  }

  /** Every finding, failures first, then in the order of the checks. */
  findings(): FuzzFinding[] {
    const order = this.settings.checks.map((check) => check.name);
    return [...this.found.entries()]
      .map(([id, draft]) => this.toFinding(id, draft))
      .sort(
        (a, b) =>
          Number(a.level === 'warning') - Number(b.level === 'warning') ||
          order.indexOf(a.check) - order.indexOf(b.check),
      );
  }

  /** The findings grouped by the request of their minimal case. */
  static rootCauses(findings: readonly FuzzFinding[]): RootCause[] {
    const groups = new Map<string, FuzzFinding[]>();
    for (const finding of findings) {
      const group = groups.get(finding.rootCause) ?? [];
      group.push(finding);
      groups.set(finding.rootCause, group);
    }
    return [...groups.entries()].map(([id, group]) => ({
      id,
      findings: group.map((finding) => finding.id),
      checks: [...new Set(group.map((finding) => finding.check))],
    }));
  }

  /** How each check fared; a check that judged nothing is "not exercised", with the reason. */
  summarize(findings: readonly FuzzFinding[]): CheckSummary[] {
    return this.settings.checks.map((check) => {
      const own = findings.filter((finding) => finding.check === check.name);
      const cases = this.judged.get(check.name) ?? 0;
      const notes = [...(this.notes.get(check.name) ?? [])];
      let status: CheckSummary['status'];
      if (own.some((finding) => finding.level === 'failure')) status = 'failed';
      else if (cases === 0) {
        status = 'not exercised';
        notes.push(this.whyNotExercised(check));
      } else if (own.length > 0) status = 'warned';
      else if (this.skipped.get(check.name) === cases) status = 'skipped';
      else status = 'passed';
      return {
        name: check.name,
        description: check.description,
        status,
        findings: own.length,
        cases,
        notes,
      };
    });
  }

  private whyNotExercised(check: FuzzCheck): string {
    const kinds = check.kinds ?? [...this.started];
    if (!kinds.some((kind) => this.started.has(kind))) {
      return this.aborted !== undefined
        ? `its scenario never ran: the run stopped early (${this.aborted})`
        : `its scenario never ran: ${REPORT_OPTION_NOTES.budgetRanOut(fieldName)}`;
    }
    if (kinds.some((kind) => (this.throttledIn.get(kind) ?? 0) > 0))
      return 'every case it would judge was throttled (429, or 503/504 with Retry-After)';
    return REPORT_OPTION_NOTES.serverTooSlow(fieldName);
  }

  private toFinding(id: string, draft: FindingDraft): FuzzFinding {
    const { breach } = draft;
    const { token, baseUrl } = this.settings.target;
    const show = this.settings.showToken;
    // Findings are saved and uploaded as CI artifacts: the token stays out unless asked for,
    // whether the request carried it or the server echoed it back.
    const request = show ? breach.exchange.request : redactToken(breach.exchange.request, token);
    const text = (value: string): string => (show ? value : redactTokenInText(value, token));
    const { response } = breach.exchange;
    return {
      id,
      check: draft.check.name,
      level: breach.rule.level,
      rule: breach.rule.id,
      source: breach.rule.source,
      pointer: breach.pointer,
      ...(breach.keyword === undefined ? {} : { keyword: breach.keyword }),
      message: text(breach.message),
      scenario: draft.scenario,
      fuzzCase: draft.fuzzCase,
      request,
      response:
        response.kind === 'response'
          ? {
              status: response.status,
              headers: Object.fromEntries(
                Object.entries(response.headers).map(([name, value]) => [name, text(value)]),
              ),
              body: text(response.body.slice(0, 4096)),
              durationMs: response.durationMs,
            }
          : { failure: response.message, durationMs: response.durationMs },
      hits: this.hits.get(id) ?? 1,
      shrinks: draft.shrinks,
      rootCause: draft.rootCause,
      curl: toCurl(request, { baseUrl }),
    };
  }
}

function increment(counts: Map<CheckName, number>, name: CheckName): void {
  counts.set(name, (counts.get(name) ?? 0) + 1);
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}
