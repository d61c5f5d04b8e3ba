import { FaultSpecError } from '../../src/errors';
import { FAULT_SPEC_SYNTAX, parseFaultSpec } from '../../src/faults/parseFaultSpec';

describe('parseFaultSpec', () => {
  it('reads kinds, rates and options, with the defaults for options left out', () => {
    expect(
      parseFaultSpec(
        '429:0.2:retry-after=2.128, 503:0.05,504:.01:retry-after=3,reset-before-store:0.01,reset-after-store:0.02,latency:0.1:ms=200',
      ),
    ).toEqual([
      { fault: { kind: '429', retryAfter: 2.128 }, rate: 0.2 },
      { fault: { kind: '503' }, rate: 0.05 },
      { fault: { kind: '504', retryAfter: 3 }, rate: 0.01 },
      { fault: { kind: 'reset-before-store' }, rate: 0.01 },
      { fault: { kind: 'reset-after-store' }, rate: 0.02 },
      { fault: { kind: 'latency', ms: 200 }, rate: 0.1 },
    ]);
    expect(parseFaultSpec('429:1')).toEqual([{ fault: { kind: '429', retryAfter: 1 }, rate: 1 }]);
    expect(parseFaultSpec('429:0:retry-after=none,latency:0')).toEqual([
      { fault: { kind: '429' }, rate: 0 },
      { fault: { kind: 'latency', ms: 100 }, rate: 0 },
    ]);
  });

  it('accepts rates that add up to 1 despite floating point', () => {
    expect(parseFaultSpec('429:0.1,503:0.2,504:0.7')).toHaveLength(3);
  });

  it.each([
    ['', '', 'it is empty'],
    ['429:0.2,', '', 'empty entry'],
    ['500:0.1', '500:0.1', '"500" is not a fault kind'],
    ['429', '429', 'the rate of 429 must be a number from 0 to 1, not ""'],
    ['429:1.5', '429:1.5', 'from 0 to 1, not "1.5"'],
    ['429:0x1', '429:0x1', 'not "0x1"'],
    ['429:-0.1', '429:-0.1', 'not "-0.1"'],
    ['429:0.1,429:0.2', '429:0.2', '429 appears twice'],
    ['429:0.6,503:0.6', '429:0.6,503:0.6', 'the rates add up to 1.2, more than 1'],
    ['429:0.1:retry-after', '429:0.1:retry-after', 'has no value'],
    ['429:0.1:retry-after=soon', '429:0.1:retry-after=soon', 'retry-after must be seconds'],
    ['429:0.1:ms=3', '429:0.1:ms=3', '429 takes only retry-after, not "ms"'],
    ['reset-after-store:0.1:ms=3', 'reset-after-store:0.1:ms=3', 'takes no option'],
    ['latency:0.1:ms=1.5', 'latency:0.1:ms=1.5', 'ms must be an integer'],
    ['latency:0.1:ms=1:ms=2', 'latency:0.1:ms=1:ms=2', 'the option ms appears twice'],
  ])('refuses %j, naming %j: %s', (spec, part, reason) => {
    let caught: unknown;
    try {
      parseFaultSpec(spec);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FaultSpecError);
    const error = caught as FaultSpecError;
    expect(error.code).toBe('E_FAULT_SPEC');
    expect(error.part).toBe(part);
    expect(error.message).toContain(reason);
    expect(error.message).toContain(FAULT_SPEC_SYNTAX);
  });
});
