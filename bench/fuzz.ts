import { fork } from 'node:child_process';
import fc from 'fast-check';
import { SAMPLE_CREATE_REQUEST } from '../src/contracts/sampleCreateRequest';
import { createUserStatusRequestArbitrary } from '../src/arbitraries/createUserStatusRequestArbitrary';
import { fuzz } from '../src/fuzz/fuzz';
import { createProvider } from '../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../src/provider/defaults';

// Fuzzing requests per second against the reference provider, next to autocannon's raw rate
// against the same provider at the same concurrency, in the same run. Two comparisons:
// - comparable payloads (the target): the fuzzer's create scenario (generated valid creates, each
//   read back and judged) against autocannon posting bodies sampled from the same arbitrary. The
//   generated bodies average about 10 KB (long, non-BMP and edge-case strings), so this is the
//   ratio that shows whether the fuzzer's own generation and checking are the bottleneck.
//   Target: at least 0.5x.
// - the whole campaign (every scenario and check) against autocannon posting one small body: the
//   harsher figure, printed for reference; most of the gap is the payloads, not the fuzzer.
// The provider runs in a child process so that it does not share an event loop with the load
// generator being measured.

const CONCURRENCY = 10;
const SECONDS = 5;
const ROUNDS = 3;
const TARGET = 0.5;

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  method: 'POST';
  headers: Record<string, string>;
  body?: string;
  requests?: ReadonlyArray<{ body: string }>;
}) => Promise<{ requests: { average: number }; non2xx: number }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

const BODY = JSON.stringify(SAMPLE_CREATE_REQUEST);

async function serveInThisProcess(): Promise<void> {
  // A large store cap: the campaign creates many statuses, and eviction is not what is measured.
  const provider = createProvider({
    storeCapacity: 1_000_000,
    storeCapacityBytes: 1_073_741_824,
  });
  const { url } = await provider.listen({ host: '127.0.0.1', port: 0 });
  process.send?.({ url });
  // Emptied before each measurement: listings (the fuzzer's probe and auth checks) grow with the store.
  process.on('message', (message) => {
    if (message === 'reset') {
      provider.store.clear();
      process.send?.('reset');
    }
  });
  process.on('disconnect', () => void provider.close().then(() => process.exit(0)));
}

/** Bodies the fuzzer's create scenario would send: sampled from the same arbitrary. */
const SAMPLED_BODIES = fc
  .sample(createUserStatusRequestArbitrary(), { numRuns: 2_000, seed: 1 })
  .map((body) => ({ body: JSON.stringify(body) }));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const child = fork(__filename, ['serve'], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
  });
  const url = await new Promise<string>((resolve) =>
    child.once('message', (m: { url: string }) => resolve(m.url)),
  );
  const target = { baseUrl: url, token: DEFAULT_TOKEN, policyId: DEFAULT_POLICY_ID };
  const reset = () =>
    new Promise<void>((resolve) => {
      child.once('message', () => resolve());
      child.send('reset');
    });
  const cannon = async (bodies: { body?: string; requests?: ReadonlyArray<{ body: string }> }) =>
    (
      await reset().then(() =>
        autocannon({
          url: `${url}/deviceManagement/deviceCompliancePolicies/${DEFAULT_POLICY_ID}/userStatuses`,
          connections: CONCURRENCY,
          duration: SECONDS,
          method: 'POST',
          headers: { authorization: `Bearer ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
          ...bodies,
        }),
      )
    ).requests.average;
  const rate = async (checks?: Parameters<typeof fuzz>[0]['checks']) => {
    await reset();
    const report = await fuzz({
      ...target,
      seed: 1,
      runs: 1_000_000,
      maxTimeSeconds: SECONDS,
      concurrency: CONCURRENCY,
      ...(checks ? { checks } : {}),
    });
    if (report.findings.length > 0)
      throw new Error(`unexpected findings: ${report.findings.length}`);
    return (report.requests * 1000) / report.durationMs;
  };
  const rawSampled: number[] = [];
  const fuzzCreate: number[] = [];
  const rawSmall: number[] = [];
  const fuzzAll: number[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      rawSampled.push(await cannon({ requests: SAMPLED_BODIES }));
      fuzzCreate.push(await rate(['positive_data_acceptance', 'create_echo']));
      rawSmall.push(await cannon({ body: BODY }));
      fuzzAll.push(await rate());
      const last = (values: number[]) => Math.round(values[values.length - 1] ?? 0);
      console.log(
        `round ${round}: autocannon sampled bodies ${last(rawSampled)} req/s, fuzz create scenario ${last(fuzzCreate)} req/s; ` +
          `autocannon small body ${last(rawSmall)} req/s, fuzz whole campaign ${last(fuzzAll)} req/s`,
      );
    }
  } finally {
    child.disconnect();
  }
  const comparable = median(fuzzCreate) / median(rawSampled);
  const whole = median(fuzzAll) / median(rawSmall);
  console.log('');
  console.log(
    `concurrency ${CONCURRENCY}, ${SECONDS} s per measurement, median of ${ROUNDS} rounds`,
  );
  console.log(
    `comparable payloads: fuzz create scenario ${Math.round(median(fuzzCreate))} req/s, autocannon ${Math.round(median(rawSampled))} req/s`,
  );
  console.log(
    `ratio fuzz/autocannon: ${comparable.toFixed(2)}x (target >= ${TARGET}x: ${comparable >= TARGET ? 'PASS' : 'BELOW'})`,
  );
  console.log(
    `whole campaign vs one small body: fuzz ${Math.round(median(fuzzAll))} req/s, autocannon ${Math.round(median(rawSmall))} req/s, ratio ${whole.toFixed(2)}x (for reference)`,
  );
}

if (process.argv[2] === 'serve') {
  void serveInThisProcess();
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
