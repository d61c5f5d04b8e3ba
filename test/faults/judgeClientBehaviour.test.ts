import '../../src/jest';
import { UsageError } from '../../src/errors';
import { judgeClientBehaviour } from '../../src/faults/judgeClientBehaviour';
import type { RecordedRequest } from '../../src/faults/RecordedRequest';

const PATH = '/v1.0/deviceManagement/deviceCompliancePolicies/p/userStatuses';

/** A recorded create: 201 by default, at `at` ms, answered 5 ms later. */
function post(at: number, overrides: Partial<RecordedRequest> = {}): RecordedRequest {
  return {
    ordinal: undefined,
    at,
    answeredAt: at + 5,
    method: 'POST',
    path: PATH,
    bodyDigest: 'aaaaaaaaaaaaaaaa',
    clientRequestId: undefined,
    retryAttempt: undefined,
    fault: undefined,
    status: 201,
    retryAfter: undefined,
    storedId: undefined,
    ...overrides,
  };
}

const throttled = (at: number, retryAfter: number): RecordedRequest =>
  post(at, { status: 429, retryAfter, fault: { kind: '429', retryAfter } });

describe('judgeClientBehaviour', () => {
  it('passes a record without failures, and an empty one', () => {
    expect(judgeClientBehaviour({ requests: [] })).toEqual([]);
    expect(judgeClientBehaviour({ requests: [post(1000, { storedId: 'a' })] })).toEqual([]);
  });

  it('measures the wait from the answer to the retry, with timings relative to the first request', () => {
    const early = { requests: [throttled(1000, 1.5), post(2000, { storedId: 'a' })] };
    const [finding] = judgeClientBehaviour(early);
    expect(finding?.rule).toBe('retry-after-honoured');
    expect(finding?.message).toBe(
      'retried 995.0 ms after a 429 that asked Retry-After 1.5 (1500.0 ms):\n' +
        `  +0.0 ms POST ${PATH} body aaaaaaaaaaaaaaaa -> 429 Retry-After 1.5 [fault: 429 retry-after=1.5]\n` +
        `  +1000.0 ms POST ${PATH} body aaaaaaaaaaaaaaaa -> 201, stored a`,
    );
    expect(
      judgeClientBehaviour({ requests: [throttled(1000, 1.5), post(2505, { storedId: 'a' })] }),
    ).toEqual([]);
    // Within the timer tolerance (1 ms by default), and not with none.
    const justEarly = { requests: [throttled(1000, 1.5), post(2504.5, { storedId: 'a' })] };
    expect(judgeClientBehaviour(justEarly)).toEqual([]);
    expect(judgeClientBehaviour(justEarly, { toleranceMs: 0 })).toHaveLength(1);
  });

  it('tells operations apart by method, path and body: another body is not a retry', () => {
    const record = { requests: [throttled(0, 10), post(10, { bodyDigest: 'bbbbbbbbbbbbbbbb' })] };
    const rules = judgeClientBehaviour(record).map((finding) => finding.rule);
    // The throttled create was abandoned after no retry.
    expect(rules).toEqual(['clear-give-up']);
    expect(judgeClientBehaviour(record, { minRetries: 0 })).toEqual([]);
  });

  it('bounds retries of one operation, configurably', () => {
    const requests = [0, 10, 20, 30].map((at) => post(at, { status: 503 }));
    requests.push(post(40, { storedId: 'a' }));
    expect(judgeClientBehaviour({ requests })).toEqual([]);
    const [finding] = judgeClientBehaviour({ requests }, { maxRetries: 3 });
    expect(finding?.rule).toBe('retries-bounded');
    expect(finding?.requests).toHaveLength(5);
    expect(finding?.message).toContain('retried one operation 4 times, more than the 3 allowed');
  });

  it('flags a body stored twice after a lost answer, not two creates of one body on purpose', () => {
    const lost = { requests: [post(0, { status: 0, storedId: 'a' }), post(50, { storedId: 'b' })] };
    expect(judgeClientBehaviour(lost).map((finding) => finding.rule)).toEqual([
      'no-duplicate-create',
    ]);
    expect(judgeClientBehaviour(lost)[0]?.message).toContain('(a and b)');
    const twice = { requests: [post(0, { storedId: 'a' }), post(50, { storedId: 'b' })] };
    expect(judgeClientBehaviour(twice)).toEqual([]);
  });

  it('checks reported creates against the stored ones', () => {
    const record = { requests: [post(0, { storedId: 'a' })] };
    expect(judgeClientBehaviour(record, { reportedCreates: ['a'] })).toEqual([]);
    const [finding] = judgeClientBehaviour(record, { reportedCreates: ['a', 'zz'] });
    expect(finding?.rule).toBe('reported-creates-exist');
    expect(finding?.message).toContain('reported "zz" as created, but no request stored it');
  });

  it('wants a clear error when the client gave up, and accepts one', () => {
    const gaveUp = { requests: [post(0, { status: 504 }), post(20, { status: 504 })] };
    expect(
      judgeClientBehaviour(gaveUp, {
        outcome: { ok: false, error: new Error('504 after 1 retry') },
      }),
    ).toEqual([]);
    for (const error of [undefined, 'failed', { message: '  ' }, 42]) {
      const findings = judgeClientBehaviour(gaveUp, { outcome: { ok: false, error } });
      expect(findings.map((finding) => finding.rule)).toEqual(['clear-give-up']);
    }
    expect(judgeClientBehaviour(gaveUp, { outcome: { ok: true } })[0]?.message).toContain(
      'yet surfaced no error',
    );
    // A reset whose create was stored is not abandoned: the work is done.
    expect(
      judgeClientBehaviour(
        { requests: [post(0, { status: 0, storedId: 'a' })] },
        { outcome: { ok: true } },
      ),
    ).toEqual([]);
  });

  it('refuses options out of range', () => {
    expect(() => judgeClientBehaviour({ requests: [] }, { maxRetries: -1 })).toThrow(UsageError);
    expect(() => judgeClientBehaviour({ requests: [] }, { maxRetries: 2, minRetries: 3 })).toThrow(
      'minRetries must be an integer from 0 to maxRetries (2)',
    );
    expect(() => judgeClientBehaviour({ requests: [] }, { toleranceMs: Number.NaN })).toThrow(
      UsageError,
    );
  });
});

describe('toBeResilientClient', () => {
  const early = { requests: [throttled(1000, 1.5), post(2000, { storedId: 'a' })] };

  it('fails with each broken rule and the request sequence, and passes under .not', () => {
    expect(() => expect(early).toBeResilientClient()).toThrow(
      /Expected a resilient client, but over 2 request\(s\) it broke 1 rule\(s\) \(times in ms from the first request\):\n {2}- retry-after-honoured: retried 995\.0 ms/,
    );
    expect(early).not.toBeResilientClient();
    expect({ record: early }).not.toBeResilientClient();
  });

  it('passes a resilient record, and fails it under .not', () => {
    expect({ requests: [] }).toBeResilientClient();
    expect(() => expect({ requests: [] }).not.toBeResilientClient()).toThrow('broke none');
  });

  it('refuses what is not a record, and options out of range', () => {
    expect(() => expect(42).toBeResilientClient()).toThrow('must be a client record');
    expect(() => expect(early).toBeResilientClient({ maxRetries: -1 })).toThrow(
      'maxRetries must be',
    );
  });
});
