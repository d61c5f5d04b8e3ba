import { faultScheduleArbitrary } from '../../src/faults/faultScheduleArbitrary';
import { assertResilient } from '../../src/resilience/assertResilient';
import { ResilienceError } from '../../src/resilience/ResilienceError';
import { runWithFaults } from '../../src/resilience/runWithFaults';
import { makeConsumer } from '../helpers/faultConsumers';

async function rejection(promise: Promise<unknown>): Promise<ResilienceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ResilienceError) return error;
    throw error;
  }
  throw new Error('expected a ResilienceError');
}

describe('assertResilient', () => {
  it('passes a correct consumer under 100 generated schedules of every fault kind', async () => {
    await expect(
      assertResilient(makeConsumer(), { numRuns: 100, seed: 20261128 }),
    ).resolves.toBeUndefined();
  });

  it('shrinks the schedule that breaks a consumer ignoring Retry-After to one mild 429, and replays it', async () => {
    const impatient = makeConsumer({ ignoreRetryAfter: true });
    const error = await rejection(assertResilient(impatient, { numRuns: 100, seed: 42 }));
    expect(error.code).toBe('E_NOT_RESILIENT');
    expect(error.schedule.source).toEqual({
      kind: 'list',
      faults: [{ at: 1, kind: '429', retryAfter: 0.001 }],
    });
    expect(error.findings.map((finding) => finding.rule)).toEqual(['retry-after-honoured']);
    expect(error.seed).toBe(42);
    expect(error.message).toContain('[#1 429 retry-after=0.001]');
    expect(error.message).toContain(`seed: 42, path: ${JSON.stringify(error.path)}`);
    expect(error.message).toContain(
      'runWithFaults(consumer, faultScheduleFromList([{"at":1,"kind":"429","retryAfter":0.001}]))',
    );

    // The seed and path replay the shrunk counterexample at once, with the same findings.
    const replayed = await rejection(
      assertResilient(impatient, { numRuns: 100, seed: error.seed, path: error.path }),
    );
    expect(replayed.schedule.source).toEqual(error.schedule.source);
    expect(replayed.findings.map((finding) => finding.message)).toEqual(
      error.findings.map((finding) => finding.message),
    );
    // And so does the schedule itself.
    const run = await runWithFaults(impatient, error.schedule);
    expect(run.findings.map((finding) => finding.message)).toEqual(
      error.findings.map((finding) => finding.message),
    );
  });

  it('shrinks a blind resend to a single reset-after-store', async () => {
    const error = await rejection(
      assertResilient(makeConsumer({ afterReset: 'resend' }), {
        faults: faultScheduleArbitrary({ kinds: ['429', 'reset-after-store'], maxRetryAfter: 1 }),
        numRuns: 200,
        seed: 7,
      }),
    );
    expect(error.schedule.source).toEqual({
      kind: 'list',
      faults: [{ at: 1, kind: 'reset-after-store' }],
    });
    expect(error.findings.map((finding) => finding.rule)).toEqual(['no-duplicate-create']);
  });

  it('passes options through to the oracles', async () => {
    const error = await rejection(
      assertResilient(makeConsumer(), {
        faults: faultScheduleArbitrary({
          kinds: ['503'],
          maxFaults: 10,
          maxOrdinal: 4,
          maxRetryAfter: 1,
        }),
        maxRetries: 2,
        numRuns: 200,
        seed: 1,
      }),
    );
    expect(error.findings.map((finding) => finding.rule)).toEqual(['retries-bounded']);
    expect(error.schedule.source.kind === 'list' && error.schedule.source.faults).toHaveLength(3);
  });
});
