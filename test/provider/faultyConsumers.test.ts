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

    async function runConsumer(
      withFlaws: typeof flaws,
    ): Promise<RunningProvider['provider']['record'] & { rules: string[] }> {
      running = await startProvider({ faults: faultScheduleFromList(faults) });
      const context = wallClockContext(running.url, DEFAULT_TOKEN, DEFAULT_POLICY_ID);
      const { ids, outcome } = await outcomeOf(makeConsumer(withFlaws)(context));
      // Let a request the consumer stopped waiting for finish before judging.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const findings = judgeClientBehaviour(running.provider.record, {
        reportedCreates: ids,
        outcome,
      });
      return {
        requests: running.provider.record.requests,
        rules: findings.map((finding) => finding.rule),
      };
    }

    it(`catches the flawed consumer (${rule})`, async () => {
      expect(await runConsumer(flaws)).toContain(rule);
    });

    it('passes the correct consumer', async () => {
      const result = await runConsumer({});
      expect(result.rules).toEqual([]);
      expect(running?.provider.record).toBeResilientClient();
    });
  },
);
