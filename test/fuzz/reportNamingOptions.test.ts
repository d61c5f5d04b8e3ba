import { optionFlag } from '../../src/cli/optionFlags';
import type { CheckSummary, FuzzReport } from '../../src/fuzz/FuzzReport';
import { reportNamingOptions } from '../../src/fuzz/reportNamingOptions';

// A fuzzing report, like an error, names option fields (`maxTimeSeconds`) for library callers;
// the CLI renders the same remarks with its flags (`--max-time`).
const THROTTLED =
  'the server throttled most cases (429, or 503/504 with Retry-After); lower concurrency or set rateLimit';

function summary(notes: string[]): CheckSummary {
  return {
    name: 'ignored_auth',
    description: 'the server refuses a request without valid credentials',
    status: 'not exercised',
    findings: 0,
    cases: 0,
    notes,
  };
}

function report(parts: Partial<FuzzReport>): FuzzReport {
  return {
    target: { baseUrl: 'http://127.0.0.1:4010', policyId: 'p' },
    seed: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    requests: 0,
    cases: 0,
    plannedCases: 1,
    throttledCases: 0,
    checks: [],
    findings: [],
    rootCauses: [],
    interrupted: false,
    incomplete: true,
    incompleteReasons: [],
    ...parts,
  };
}

describe('reportNamingOptions', () => {
  it('renders the options a stopped run names with the CLI flags, in every place they appear', () => {
    const stopped = report({
      checks: [summary([`its scenario never ran: the run stopped early (${THROTTLED})`])],
      aborted: THROTTLED,
      incompleteReasons: [`the run stopped early: ${THROTTLED}`, '1 check(s) judged no case: x'],
    });
    const flagged = reportNamingOptions(stopped, optionFlag);
    const cli =
      'the server throttled most cases (429, or 503/504 with Retry-After); lower --concurrency or set --rate-limit';
    expect(flagged.aborted).toBe(cli);
    expect(flagged.incompleteReasons).toEqual([
      `the run stopped early: ${cli}`,
      '1 check(s) judged no case: x',
    ]);
    expect(flagged.checks[0]?.notes).toEqual([
      `its scenario never ran: the run stopped early (${cli})`,
    ]);
    // The same fields in the same order: a JSON report reads as it did.
    expect(Object.keys(flagged)).toEqual(Object.keys(stopped));
  });

  it('renders the time-budget remarks, and leaves other text and a run that did not stop alone', () => {
    const slow = report({
      checks: [
        summary(['its scenario never ran: the time budget (maxTimeSeconds) ran out first']),
        summary(['no case finished in time: the server is slower than maxTimeSeconds allows']),
        summary(['concurrency is a word here']),
      ],
    });
    const flagged = reportNamingOptions(slow, optionFlag);
    expect(flagged.checks.map((check) => check.notes)).toEqual([
      ['its scenario never ran: the time budget (--max-time) ran out first'],
      ['no case finished in time: the server is slower than --max-time allows'],
      ['concurrency is a word here'],
    ]);
    expect('aborted' in flagged).toBe(false);
    expect(reportNamingOptions(slow, (option) => option)).toEqual(slow);
  });

  it("renders the option a check's own text names, in its summary and in its findings' source", () => {
    const finding = {
      id: 'abc',
      check: 'max_response_time',
      level: 'failure',
      rule: 'max-response-time',
      source: { kind: 'option', ref: 'maxResponseTimeMs (your limit)' },
      message: 'answered in 900 ms, over the 500 ms limit',
    } as unknown as FuzzReport['findings'][number];
    const slow = report({
      checks: [
        {
          ...summary([]),
          name: 'max_response_time',
          description: 'every answer arrives within maxResponseTimeMs milliseconds',
        },
      ],
      findings: [finding],
    });
    const flagged = reportNamingOptions(slow, optionFlag);
    expect(flagged.checks[0]?.description).toBe(
      'every answer arrives within --max-response-time milliseconds',
    );
    expect(flagged.findings[0]?.source).toEqual({
      kind: 'option',
      ref: '--max-response-time (your limit)',
    });
    expect(Object.keys(flagged.findings[0] ?? {})).toEqual(Object.keys(finding));
  });
});
