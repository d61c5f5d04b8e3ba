import * as fc from 'fast-check';
import { FaultSpecError } from '../../src/errors';
import { describeFaultPlan } from '../../src/faults/describeFaultPlan';
import type { ScheduledFault } from '../../src/faults/Fault';
import { faultScheduleArbitrary } from '../../src/faults/faultScheduleArbitrary';
import { faultScheduleFromList } from '../../src/faults/faultScheduleFromList';
import { faultScheduleFromSpec } from '../../src/faults/faultScheduleFromSpec';
import { noFaults } from '../../src/faults/noFaults';

function decisions(schedule: { decide(ordinal: number): unknown }, count: number): unknown[] {
  return Array.from({ length: count }, (_, index) => schedule.decide(index + 1));
}

describe('faultScheduleFromSpec', () => {
  it('decides from (seed, ordinal) alone: the same in any order, again and again', () => {
    const schedule = faultScheduleFromSpec('429:0.2,503:0.05,reset-after-store:0.02', 7);
    const forward = decisions(schedule, 500);
    const backward = Array.from({ length: 500 }, (_, index) =>
      schedule.decide(500 - index),
    ).reverse();
    expect(backward).toEqual(forward);
    expect(
      decisions(faultScheduleFromSpec('429:0.2,503:0.05,reset-after-store:0.02', 7), 500),
    ).toEqual(forward);
    expect(
      decisions(faultScheduleFromSpec('429:0.2,503:0.05,reset-after-store:0.02', 8), 500),
    ).not.toEqual(forward);
  });

  it('injects each kind at about its rate', () => {
    const schedule = faultScheduleFromSpec('429:0.2,503:0.05,latency:0.1:ms=5', 1);
    const counts = new Map<string, number>();
    for (const fault of decisions(schedule, 20_000) as Array<{ kind: string } | undefined>) {
      const kind = fault?.kind ?? 'none';
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    expect((counts.get('429') ?? 0) / 20_000).toBeCloseTo(0.2, 1);
    expect((counts.get('503') ?? 0) / 20_000).toBeCloseTo(0.05, 1);
    expect((counts.get('latency') ?? 0) / 20_000).toBeCloseTo(0.1, 1);
    expect(
      decisions(faultScheduleFromSpec('429:0', 1), 1000).every((fault) => fault === undefined),
    ).toBe(true);
    expect(
      decisions(faultScheduleFromSpec('429:1', 1), 100).every((fault) => fault !== undefined),
    ).toBe(true);
  });

  it('prints itself and its first decisions', () => {
    const schedule = faultScheduleFromSpec('429:0.2', 7);
    expect(String(schedule)).toBe('429:0.2 (seed 7)');
    const plan = describeFaultPlan(schedule, 20);
    const faulted = plan.slice(0, -1);
    expect(faulted.every((line) => /^#\d+ 429 retry-after=1$/.test(line))).toBe(true);
    expect(plan.at(-1)).toBe(`${20 - faulted.length} of the first 20 requests answered normally`);
  });

  it('refuses a seed that is not a safe integer', () => {
    expect(() => faultScheduleFromSpec('429:0.1', 1.5)).toThrow(FaultSpecError);
  });
});

describe('faultScheduleFromList', () => {
  it('injects exactly the listed faults at their ordinals', () => {
    const schedule = faultScheduleFromList([
      { at: 5, kind: 'reset-after-store' },
      { at: 3, kind: '429', retryAfter: 1.5 },
    ]);
    expect(decisions(schedule, 6)).toEqual([
      undefined,
      undefined,
      { kind: '429', retryAfter: 1.5 },
      undefined,
      { kind: 'reset-after-store' },
      undefined,
    ]);
    expect(String(schedule)).toBe('[#3 429 retry-after=1.5, #5 reset-after-store]');
  });

  it.each([
    [[{ at: 0, kind: '429' }], 'at must be a request ordinal'],
    [[{ at: 1.5, kind: '429' }], 'at must be a request ordinal'],
    [[{ at: 1, kind: '500' }], 'kind must be one of'],
    [[{ at: 1, kind: 'latency', ms: -1 }], 'ms must be an integer'],
    [[{ at: 1, kind: '503', retryAfter: Number.NaN }], 'retryAfter must be seconds'],
    [
      [
        { at: 2, kind: '429' },
        { at: 2, kind: '503' },
      ],
      'two faults are scheduled at request 2',
    ],
  ])('refuses %j', (list, reason) => {
    expect(() => faultScheduleFromList(list as unknown as ScheduledFault[])).toThrow(reason);
    expect(() => faultScheduleFromList(list as unknown as ScheduledFault[])).toThrow(
      FaultSpecError,
    );
  });
});

describe('noFaults', () => {
  it('never injects', () => {
    expect(decisions(noFaults, 1000).every((fault) => fault === undefined)).toBe(true);
  });
});

describe('faultScheduleArbitrary', () => {
  it('generates valid lists within the options, the same for the same seed', () => {
    const arbitrary = faultScheduleArbitrary({
      kinds: ['429', 'latency'],
      maxFaults: 3,
      maxOrdinal: 4,
    });
    const first = fc.sample(arbitrary, { seed: 42, numRuns: 50 }).map(String);
    expect(fc.sample(arbitrary, { seed: 42, numRuns: 50 }).map(String)).toEqual(first);
    for (const schedule of fc.sample(arbitrary, { seed: 42, numRuns: 200 })) {
      if (schedule.source.kind !== 'list') throw new Error('a list schedule was expected');
      expect(schedule.source.faults.length).toBeLessThanOrEqual(3);
      for (const fault of schedule.source.faults) {
        expect(fault.at).toBeGreaterThanOrEqual(1);
        expect(fault.at).toBeLessThanOrEqual(4);
        expect(['429', 'latency']).toContain(fault.kind);
      }
    }
  });

  it('shrinks a failing schedule to the mildest single fault that still fails', () => {
    // A "consumer" that breaks on any status fault at the 2nd request or later.
    const result = fc.check(
      fc.property(faultScheduleArbitrary(), (schedule) => {
        if (schedule.source.kind !== 'list') return true;
        return !schedule.source.faults.some(
          (fault) => fault.at >= 2 && (fault.kind === '503' || fault.kind === '504'),
        );
      }),
      { seed: 3, numRuns: 200 },
    );
    expect(result.failed).toBe(true);
    const [shrunk] = result.counterexample ?? [];
    expect(shrunk?.source).toEqual({ kind: 'list', faults: [{ at: 2, kind: '503' }] });
    expect(fc.stringify(shrunk)).toBe('faultScheduleFromList([{"at":2,"kind":"503"}])');
  });

  it('refuses options out of range', () => {
    expect(() => faultScheduleArbitrary({ kinds: [] })).toThrow('kinds must list');
    expect(() => faultScheduleArbitrary({ maxOrdinal: 0 })).toThrow('maxOrdinal');
  });
});
