// What `serve` does with --faults and --fault-seed: check them, print the plan, log each fault,
// and say at stop what the clients did wrong.
import { UsageError } from '../errors';
import { formatClientFindings } from '../faults/formatClientFindings';
import { describeFaultPlan } from '../faults/describeFaultPlan';
import type { FaultSchedule } from '../faults/FaultSchedule';
import { faultScheduleFromSpec } from '../faults/faultScheduleFromSpec';
import { formatFault } from '../faults/formatFault';
import { judgeClientBehaviour } from '../faults/judgeClientBehaviour';
import type { ClientRecord } from '../faults/RecordedRequest';
import type { FaultEvent } from '../provider/FaultEvent';
import { parseInteger } from './parseOptionValues';
import { printablePath } from './printablePath';

/** The seed of `--faults` when `--fault-seed` is not given. */
export const DEFAULT_FAULT_SEED = 1;
/** How many requests' decisions `serve --faults` prints at start. */
export const PLANNED_REQUESTS = 20;

/** Checks `--faults` and `--fault-seed` into a schedule (none without `--faults`). */
export function parseFaults(
  spec: string | undefined,
  seedText: string | undefined,
): { faults?: FaultSchedule } {
  if (spec === undefined) {
    if (seedText !== undefined) {
      throw new UsageError('--fault-seed seeds --faults: give --faults SPEC too, or drop it');
    }
    return {};
  }
  const seed = seedText === undefined ? DEFAULT_FAULT_SEED : parseInteger(seedText, '--fault-seed');
  // A bad spec throws a FaultSpecError (a usage error: exit 2) naming the bad part.
  return { faults: faultScheduleFromSpec(spec, seed) };
}

/** The schedule `serve` follows, and its decisions for the first requests. */
export function faultLines(faults: FaultSchedule): string[] {
  return [
    `  faults:     ${String(faults)}: requests to userStatuses are numbered from 1; the first ${PLANNED_REQUESTS}:`,
    ...describeFaultPlan(faults, PLANNED_REQUESTS).map((line) => `                ${line}`),
  ];
}

/** `fault #3 +1503.2 ms POST /v1.0/.../userStatuses 429 retry-after=1.5`: one line per fault. */
export function formatFaultLine(event: FaultEvent, elapsedMs: number): string {
  return `fault #${event.ordinal} +${elapsedMs.toFixed(1)} ms ${event.method} ${printablePath(event.path)} ${formatFault(event.fault)}\n`;
}

/** What the oracles say of the clients, over the whole run: printed at stop. */
export function clientSummary(record: ClientRecord): string {
  const requests = record.requests.length;
  const faults = record.requests.filter((request) => request.fault !== undefined).length;
  const findings = judgeClientBehaviour(record, { minRetries: 0 });
  const head = `client behaviour over ${requests} request(s), ${faults} fault(s) injected: `;
  if (findings.length === 0) {
    return `${head}Retry-After honoured, retries bounded, no create stored twice\n`;
  }
  return (
    `${head}${findings.length} problem(s) (times in ms from the first request)\n` +
    `${formatClientFindings(findings, '  ')}\n`
  );
}
