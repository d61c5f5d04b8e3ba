import { UserStatusContractsError } from '../errors';
import { formatClientFindings } from '../faults/formatClientFindings';
import { scheduleExpression } from '../faults/scheduleExpression';
import type { ClientFinding } from '../faults/ClientFinding';
import type { FaultSchedule } from '../faults/FaultSchedule';
import type { ClientRecord } from '../faults/RecordedRequest';

/** `assertResilient` found a fault schedule the consumer does not survive. */
export class ResilienceError extends UserStatusContractsError {
  /** The shrunk schedule that breaks the consumer. */
  readonly schedule: FaultSchedule;
  /** What the consumer did wrong under it. */
  readonly findings: readonly ClientFinding[];
  /** Every request of the failing run, with virtual times. */
  readonly record: ClientRecord;
  /** The fast-check seed of the run, to replay it. */
  readonly seed: number;
  /** The fast-check path of the shrunk counterexample, to replay it without searching. */
  readonly path: string;

  constructor(details: {
    schedule: FaultSchedule;
    findings: readonly ClientFinding[];
    record: ClientRecord;
    seed: number;
    path: string;
    numRuns: number;
    numShrinks: number;
  }) {
    const findings = formatClientFindings(details.findings, '');
    super(
      'E_NOT_RESILIENT',
      `the consumer is not resilient: it breaks under the fault schedule ${String(details.schedule)} ` +
        `(found after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s)).\n${findings}\n` +
        `Replay: assertResilient(consumer, { ...options, seed: ${details.seed}, path: ${JSON.stringify(details.path)} }), ` +
        `or runWithFaults(consumer, ${scheduleExpression(details.schedule.source)}).`,
    );
    this.schedule = details.schedule;
    this.findings = details.findings;
    this.record = details.record;
    this.seed = details.seed;
    this.path = details.path;
  }
}
