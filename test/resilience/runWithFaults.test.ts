import type { ClientRule } from '../../src/faults/ClientFinding';
import type { ScheduledFault } from '../../src/faults/Fault';
import { faultScheduleFromList } from '../../src/faults/faultScheduleFromList';
import { runWithFaults, type FaultRun } from '../../src/resilience/runWithFaults';
import { makeConsumer, type ConsumerFlaws } from '../helpers/faultConsumers';

function run(flaws: ConsumerFlaws, faults: readonly ScheduledFault[]): Promise<FaultRun> {
  return runWithFaults(makeConsumer(flaws), faultScheduleFromList(faults));
}

function rules(result: FaultRun): ClientRule[] {
  return result.findings.map((finding) => finding.rule);
}

const SERVICE_DOWN: ScheduledFault[] = [1, 2, 3, 4, 5, 6, 7, 8].map((at) => ({
  at,
  kind: '503',
  retryAfter: 1,
}));

// Each oracle, each fault kind: a consumer with the flaw is caught, the correct one passes.
describe('runWithFaults: the oracles, under virtual time', () => {
  it('retry-after-honoured: a retry before Retry-After (429 with 120 s) is caught; waiting passes at no wall cost', async () => {
    const faults: ScheduledFault[] = [{ at: 1, kind: '429', retryAfter: 120 }];
    const impatient = await run({ ignoreRetryAfter: true }, faults);
    expect(rules(impatient)).toEqual(['retry-after-honoured']);
    expect(impatient.findings[0]?.message).toMatch(
      /^retried 0\.0 ms after a 429 that asked Retry-After 120 \(120000\.0 ms\):\n {2}\+0\.0 ms #1 POST \/v1\.0\/.+ -> 429 Retry-After 120 \[fault: 429 retry-after=120\]\n {2}\+0\.0 ms #2 POST .+ -> 201, stored /,
    );
    const started = performance.now();
    const patient = await run({}, faults);
    expect(rules(patient)).toEqual([]);
    expect(patient.record.requests[1]?.at).toBe(120_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('retry-after-honoured: a fractional Retry-After (2.128) is honoured to the millisecond', async () => {
    const faults: ScheduledFault[] = [{ at: 1, kind: '503', retryAfter: 2.128 }];
    expect(rules(await run({}, faults))).toEqual([]);
    expect((await run({}, faults)).record.requests[1]?.at).toBe(2128);
    expect(rules(await run({ ignoreRetryAfter: true }, faults))).toEqual(['retry-after-honoured']);
  });

  it('retries-bounded: retrying a 503 eight times is caught; three retries then a clear error pass', async () => {
    const relentless = await run({ maxRetries: 50 }, SERVICE_DOWN);
    expect(rules(relentless)).toEqual(['retries-bounded']);
    expect(relentless.findings[0]?.message).toContain(
      'retried one operation 8 times, more than the 5 allowed',
    );
    const bounded = await run({}, SERVICE_DOWN);
    expect(rules(bounded)).toEqual([]);
    expect(bounded.outcome.ok).toBe(false);
  });

  it('no-duplicate-create: resending after reset-after-store is caught; checking the listing first passes', async () => {
    const faults: ScheduledFault[] = [{ at: 1, kind: 'reset-after-store' }];
    const blind = await run({ afterReset: 'resend' }, faults);
    expect(rules(blind)).toEqual(['no-duplicate-create']);
    expect(blind.findings[0]?.message).toContain('its answer was lost');
    expect(blind.findings[0]?.message).toContain('no answer (connection reset)');
    const careful = await run({}, faults);
    expect(rules(careful)).toEqual([]);
    expect(careful.reportedCreates).toHaveLength(2);
  });

  it('no-duplicate-create: a client timeout shorter than the latency resends too early; no timeout passes', async () => {
    const faults: ScheduledFault[] = [{ at: 1, kind: 'latency', ms: 5000 }];
    const hasty = await run({ timeoutMs: 1000, afterReset: 'resend' }, faults);
    expect(rules(hasty)).toEqual(['no-duplicate-create']);
    expect(hasty.findings[0]?.message).toContain('before its answer came');
    expect(rules(await run({}, faults))).toEqual([]);
  });

  it('reported-creates-exist: assuming a reset create succeeded is caught; verifying then resending passes', async () => {
    const faults: ScheduledFault[] = [{ at: 1, kind: 'reset-before-store' }];
    const optimistic = await run({ afterReset: 'assume' }, faults);
    // It also gave up on the create without a word, which the give-up oracle reports.
    expect(rules(optimistic)).toEqual(['reported-creates-exist', 'clear-give-up', 'clear-give-up']);
    expect(optimistic.findings[0]?.message).toContain(
      'reported "user0@contoso.onmicrosoft.com" as created',
    );
    const careful = await run({}, faults);
    expect(rules(careful)).toEqual([]);
    expect(careful.record.requests.map((request) => request.method)).toEqual([
      'POST',
      'GET',
      'POST',
      'POST',
    ]);
  });

  it('clear-give-up: silent, unclear and too early give-ups on 504s are caught; a clear error after retries passes', async () => {
    const faults: ScheduledFault[] = [1, 2, 3, 4, 5].map((at) => ({ at, kind: '504' }));
    const quiet = await run({ giveUp: 'quiet' }, faults);
    expect(rules(quiet)).toEqual(['clear-give-up']);
    expect(quiet.findings[0]?.message).toContain('yet surfaced no error');
    const stringy = await run({ giveUp: 'throw-string' }, faults);
    expect(rules(stringy)).toEqual(['clear-give-up']);
    expect(stringy.findings[0]?.message).toContain('"failed", not an Error');
    const naive = await run({ noRetry: true }, faults);
    expect(rules(naive)).toEqual(['clear-give-up']);
    expect(naive.findings[0]?.message).toContain('gave up after 0 retries on a 504');
    const correct = await run({}, faults);
    expect(rules(correct)).toEqual([]);
    expect(correct.outcome).toEqual({ ok: false, error: expect.any(Error) });
  });

  it('the naive consumer passes without faults', async () => {
    expect(rules(await run({ noRetry: true }, []))).toEqual([]);
  });

  it('replays: the same schedule gives the same record', async () => {
    const faults: ScheduledFault[] = [
      { at: 1, kind: '429', retryAfter: 1.5 },
      { at: 3, kind: 'reset-after-store' },
    ];
    const strip = (result: FaultRun): unknown[] =>
      result.record.requests.map(({ storedId: _id, ...rest }) => rest);
    expect(strip(await run({}, faults))).toEqual(strip(await run({}, faults)));
  });

  it('stops a consumer that retries without end', async () => {
    const endless = async ({
      fetch,
      collectionUrl,
    }: {
      fetch: typeof globalThis.fetch;
      collectionUrl: string;
    }): Promise<void> => {
      for (;;) await fetch(collectionUrl);
    };
    const result = await runWithFaults(endless, faultScheduleFromList([]), { maxRequests: 20 });
    expect(result.outcome).toEqual({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining('more than 20 requests') }),
    });
  });
});
