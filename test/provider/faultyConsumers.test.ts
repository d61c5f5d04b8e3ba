import '../../src/jest';
import { faultScheduleFromList } from '../../src/faults/faultScheduleFromList';
import { judgeClientBehaviour } from '../../src/faults/judgeClientBehaviour';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { makeConsumer } from '../helpers/faultConsumers';
import { FAULT_CASES, outcomeOf, wallClockContext } from '../helpers/faultCases';
import { startProvider, type RunningProvider } from './providerHarness';

// Over real HTTP on loopback: a reset is a destroyed socket, the client's fetch rejects.
describe.each(FAULT_CASES)(
  'the node:http provider with $kind faults',
  ({ faults, flaws, rule }) => {
    let running: RunningProvider | undefined;
    afterEach(async () => {
      await running?.provider.close();
      running = undefined;
    });

    /** Runs the consumer against a provider with the case's faults; the rules it broke. */
    async function runConsumer(withFlaws: typeof flaws): Promise<string[]> {
      running = await startProvider({ faults: faultScheduleFromList(faults) });
      const context = wallClockContext(running.url, DEFAULT_TOKEN, DEFAULT_POLICY_ID);
      const { ids, outcome } = await outcomeOf(makeConsumer(withFlaws)(context));
      // Closing waits for a request the consumer stopped waiting for (latency) to finish.
      await running.provider.close();
      const findings = judgeClientBehaviour(running.provider.record, {
        reportedCreates: ids,
        outcome,
      });
      return findings.map((finding) => finding.rule);
    }

    it(`catches the flawed consumer (${rule})`, async () => {
      expect(await runConsumer(flaws)).toContain(rule);
    });

    it('passes the correct consumer', async () => {
      expect(await runConsumer({})).toEqual([]);
      expect(running?.provider.record).toBeResilientClient();
    });
  },
);
