import { Agent } from 'undici';
import { assertLoopbackTarget } from './assertLoopbackTarget';
import { ALL_CHECKS } from './checks/index';
import { createRateLimiter } from './_internals/createRateLimiter';
import type { FuzzFinding } from './FuzzReport';
import type { FuzzTarget } from './_internals/FuzzTarget';
import { runCase } from './_internals/runCase';

/** Options of `replay`. */
export interface ReplayOptions {
  readonly baseUrl: string;
  readonly token: string;
  readonly policyId: string;
  /** @defaultValue 10000 */
  readonly requestTimeoutMs?: number;
  /** The `max_response_time` limit, for findings of that check. */
  readonly maxResponseTimeMs?: number;
  /** Allow a target that is not a loopback address (replaying creates data). @defaultValue false */
  readonly allowRemote?: boolean;
}

/** What a replayed finding does now. */
export interface ReplayResult {
  readonly finding: FuzzFinding;
  readonly status: 'fixed' | 'still failing';
  /** The current failure message, when still failing. */
  readonly message?: string;
}

/** Re-runs saved findings' minimal cases and tells, for each, whether its check now passes. */
export async function replay(
  findings: readonly FuzzFinding[],
  options: ReplayOptions,
): Promise<ReplayResult[]> {
  assertLoopbackTarget(options.baseUrl, options.allowRemote === true);
  const dispatcher = new Agent({ connections: 1 });
  const target: FuzzTarget = {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    token: options.token,
    policyId: options.policyId,
    timeoutMs: options.requestTimeoutMs ?? 10_000,
    dispatcher,
    acquire: createRateLimiter(undefined),
    onRequest: () => undefined,
  };
  try {
    const results: ReplayResult[] = [];
    for (const finding of findings) {
      const check = ALL_CHECKS.find((candidate) => candidate.name === finding.check);
      if (!check) {
        results.push({
          finding,
          status: 'still failing',
          message: `unknown check ${finding.check}`,
        });
        continue;
      }
      const outcome = await runCase(finding.fuzzCase, target);
      // An id the server handed out before must not come back: seed it so duplicate ids reproduce.
      const seenIds = new Map<string, string>();
      const earlierId = idIn(finding.response.body);
      if (earlierId !== undefined) seenIds.set(earlierId, '(the saved finding)');
      const verdict = check.judge(outcome, {
        seenIds,
        ...(options.maxResponseTimeMs === undefined
          ? {}
          : { maxResponseTimeMs: options.maxResponseTimeMs }),
      });
      results.push(
        verdict.status === 'fail'
          ? { finding, status: 'still failing', message: verdict.message }
          : { finding, status: 'fixed' },
      );
    }
    return results;
  } finally {
    await dispatcher.close();
  }
}

function idIn(body: string | undefined): string | undefined {
  try {
    const id = (JSON.parse(body ?? '') as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
