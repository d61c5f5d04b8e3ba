import { fork } from 'node:child_process';
import { fuzz } from '../src/fuzz/fuzz';
import { createProvider } from '../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../src/provider/defaults';

// Fuzzing requests per second against the reference provider, next to autocannon's raw rate of
// valid creates against the same provider at the same concurrency, in the same run. Target: the
// fuzzer at least 0.5x autocannon (its generation, shrinking bookkeeping and checks must not be the
// bottleneck). The provider runs in a child process so that it does not share an event loop with
// the load generator being measured.

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
  body: string;
}) => Promise<{ requests: { average: number }; non2xx: number }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

const BODY = JSON.stringify({
  userDisplayName: 'Adele Vance',
  devicesCount: 3,
  status: 'compliant',
  lastReportedDateTime: '2020-06-14T20:52:52.8841394Z',
  userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
});

async function serveInThisProcess(): Promise<void> {
  // A large store cap: the campaign creates many statuses, and eviction is not what is measured.
  const provider = createProvider({ storeCapacity: 1_000_000 });
  const { url } = await provider.listen({ host: '127.0.0.1', port: 0 });
  process.send?.({ url });
  process.on('disconnect', () => void provider.close().then(() => process.exit(0)));
}

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
  const raw: number[] = [];
  const fuzzed: number[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const cannon = await autocannon({
        url: `${url}/deviceManagement/deviceCompliancePolicies/${DEFAULT_POLICY_ID}/userStatuses`,
        connections: CONCURRENCY,
        duration: SECONDS,
        method: 'POST',
        headers: { authorization: `Bearer ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
        body: BODY,
      });
      raw.push(cannon.requests.average);
      const report = await fuzz({
        baseUrl: url,
        token: DEFAULT_TOKEN,
        policyId: DEFAULT_POLICY_ID,
        seed: round,
        runs: 1_000_000,
        maxTimeSeconds: SECONDS,
        concurrency: CONCURRENCY,
      });
      fuzzed.push((report.requests * 1000) / report.durationMs);
      console.log(
        `round ${round}: autocannon ${Math.round(cannon.requests.average)} req/s, fuzz ${Math.round(fuzzed[fuzzed.length - 1] ?? 0)} req/s (${report.findings.length} findings)`,
      );
    }
  } finally {
    child.disconnect();
  }
  const ratio = median(fuzzed) / median(raw);
  console.log('');
  console.log(
    `concurrency ${CONCURRENCY}, ${SECONDS} s per measurement, median of ${ROUNDS} rounds`,
  );
  console.log(`autocannon (raw valid creates): ${Math.round(median(raw))} req/s`);
  console.log(`fuzz (all checks, all scenarios): ${Math.round(median(fuzzed))} req/s`);
  console.log(
    `ratio fuzz/autocannon: ${ratio.toFixed(2)}x (target >= ${TARGET}x: ${ratio >= TARGET ? 'PASS' : 'BELOW'})`,
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
