import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { parseFaults } from '../src/cli/serveFaults';
import { SAMPLE_CREATE_REQUEST } from '../src/contracts/sampleCreateRequest';
import { check } from '../src/validator/check';
import { createProvider } from '../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../src/provider/defaults';

// Requests per second of valid creates against the reference provider, next to a bare node:http
// server doing the same JSON echo with Ajv validation, measured in the same run on loopback with
// autocannon at 1, 10 and 50 connections. Target: at least 0.6x the bare echo at 10 connections.
//
// The servers run in a child process so that autocannon and the server under test do not share
// one event loop (on two cores, sharing would measure the load generator as much as the server).

const CONNECTIONS = [1, 10, 50] as const;
const WARM_UP_SECONDS = 0.5;
const SECONDS = 1.5;
// Bare and provider runs alternate and each figure is the median of its rounds, so a burst of
// load from elsewhere on the machine skews one round, not the ratio.
const ROUNDS = 4;
const TARGET = 0.6;
const TARGET_CONNECTIONS = 10;
// Faults: `serve`'s provider as it builds it without --faults, next to the provider without the
// `faults` option (today's path): target at least 0.95x. Then `serve --faults` with 10% of the
// requests answered 429 or 503 at once (no latency, no reset, so the load generator's
// connections stay up): target at least 0.8x the requests per second of faults off.
const FAULT_SPEC = '429:0.05:retry-after=none,503:0.05';
const FAULTS_OFF_TARGET = 0.95;
const FAULTS_ON_TARGET = 0.8;

/** The servers the child process runs, by name. */
interface ServerUrls {
  readonly bare: string;
  readonly provider: string;
  readonly serveFaultsOff: string;
  readonly serveFaults: string;
}

const BODY = JSON.stringify(SAMPLE_CREATE_REQUEST);
const GUID = '1cfae2c2-3dab-40ff-b786-fac5def7d662';
const ECHO_CONTEXT = `https://graph.microsoft.com/v1.0/$metadata#deviceManagement/deviceCompliancePolicies('${DEFAULT_POLICY_ID}')/userStatuses/$entity`;
const PATH = `/v1.0/deviceManagement/deviceCompliancePolicies/${DEFAULT_POLICY_ID}/userStatuses`;

/** The part of autocannon's programmatic API used here (the package ships no types). */
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}) => Promise<{
  requests: { total: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

/**
 * The baseline: node:http reading the body, JSON.parse, Ajv validation, and the same JSON echo the
 * provider answers (`@odata.context`, `@odata.type`, a three-GUID id, the sent fields), so both
 * send the same bytes: on loopback the load generator's cost per byte weighs as much as the server's.
 */
function bareEcho(): Server {
  let sequence = 0;
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      const valid = check('request', body);
      const id = String(++sequence).padStart(12, '0');
      const json = JSON.stringify(
        valid
          ? {
              '@odata.context': ECHO_CONTEXT,
              '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
              id: `${GUID}_${GUID}_${GUID.slice(0, -12)}${id}`,
              ...(body as object),
            }
          : { error: 'invalid' },
      );
      res.writeHead(valid ? 201 : 400, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(json),
      });
      res.end(json);
    });
  });
}

/** In the child: start both servers on free ports and report them to the parent. */
async function serve(): Promise<void> {
  const bare = bareEcho();
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareAddress = bare.address();
  const provider = createProvider();
  const { url } = await provider.listen({ host: '127.0.0.1', port: 0 });
  // What `serve` passes without --faults, and with `--faults FAULT_SPEC --fault-seed 1`.
  const faultsOff = createProvider({ ...parseFaults(undefined, undefined) });
  const faulty = createProvider({ ...parseFaults(FAULT_SPEC, '1') });
  const serveFaultsOff = (await faultsOff.listen({ host: '127.0.0.1', port: 0 })).url;
  const serveFaults = (await faulty.listen({ host: '127.0.0.1', port: 0 })).url;
  const urls: ServerUrls = {
    bare: `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}`,
    provider: url,
    serveFaultsOff,
    serveFaults,
  };
  process.send?.(urls);
  process.on('disconnect', () => {
    bare.close();
    for (const server of [provider, faultsOff, faulty]) void server.close();
  });
}

/** Requests answered per second; `faulty` lets the fault answers (429, 503) count as answers. */
async function measure(
  url: string,
  connections: number,
  duration: number,
  faulty = false,
): Promise<number> {
  const result = await autocannon({
    url: `${url}${PATH}`,
    connections,
    duration,
    method: 'POST',
    headers: { authorization: `Bearer ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
    body: BODY,
  });
  if ((result.non2xx > 0 && !faulty) || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  // Completed requests over the measured time: autocannon's own average samples once per second.
  return result.requests.total / result.duration;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const child: ChildProcess = fork(__filename, ['--serve'], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
  });
  const urls = await new Promise<ServerUrls>((resolve, reject) => {
    child.once('message', (message) => resolve(message as ServerUrls));
    child.once('exit', (code) => reject(new Error(`the server process exited with ${code}`)));
  });
  try {
    console.log(
      `valid creates, req/s (autocannon), median of ${ROUNDS} alternating ${SECONDS} s rounds after a ${WARM_UP_SECONDS} s warm-up`,
    );
    console.log('connections  bare node:http+Ajv  reference provider  ratio');
    let ratioAtTarget = 0;
    for (const connections of CONNECTIONS) {
      await measure(urls.bare, connections, WARM_UP_SECONDS);
      await measure(urls.provider, connections, WARM_UP_SECONDS);
      const bareRounds: number[] = [];
      const providerRounds: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        bareRounds.push(await measure(urls.bare, connections, SECONDS));
        providerRounds.push(await measure(urls.provider, connections, SECONDS));
      }
      const bare = median(bareRounds);
      const provider = median(providerRounds);
      const ratio = provider / bare;
      if (connections === TARGET_CONNECTIONS) ratioAtTarget = ratio;
      console.log(
        `${String(connections).padStart(11)}  ${bare.toFixed(0).padStart(17)}  ${provider
          .toFixed(0)
          .padStart(18)}  ${ratio.toFixed(2).padStart(5)}x`,
      );
    }
    const verdict = ratioAtTarget >= TARGET ? 'meets' : 'MISSES';
    console.log(
      `ratio at ${TARGET_CONNECTIONS} connections: ${ratioAtTarget.toFixed(2)}x (${verdict} the ${TARGET}x target)`,
    );
    await measureFaults(urls);
  } finally {
    child.disconnect();
  }
}

/** The fault rows, at the target connections: rounds alternate over the three servers. */
async function measureFaults(urls: ServerUrls): Promise<void> {
  const connections = TARGET_CONNECTIONS;
  await measure(urls.provider, connections, WARM_UP_SECONDS);
  await measure(urls.serveFaultsOff, connections, WARM_UP_SECONDS);
  await measure(urls.serveFaults, connections, WARM_UP_SECONDS, true);
  const rounds: Record<'today' | 'off' | 'on', number[]> = { today: [], off: [], on: [] };
  for (let round = 0; round < ROUNDS; round++) {
    rounds.today.push(await measure(urls.provider, connections, SECONDS));
    rounds.off.push(await measure(urls.serveFaultsOff, connections, SECONDS));
    rounds.on.push(await measure(urls.serveFaults, connections, SECONDS, true));
  }
  const [today, off, on] = [median(rounds.today), median(rounds.off), median(rounds.on)];
  const offRatio = off / today;
  const onRatio = on / off;
  console.log(
    `\nfaults, req/s answered at ${connections} connections (median of ${ROUNDS} alternating rounds)`,
  );
  console.log('server                                          req/s  ratio');
  const row = (name: string, value: number, ratio: string) =>
    console.log(`${name.padEnd(44)}  ${value.toFixed(0).padStart(6)}  ${ratio}`);
  row('provider, no faults option (today)', today, '');
  row('serve without --faults', off, `${offRatio.toFixed(2)}x today`);
  row(`serve --faults ${FAULT_SPEC}`, on, `${onRatio.toFixed(2)}x faults off`);
  const verdict = (ratio: number, target: number) => (ratio >= target ? 'meets' : 'MISSES');
  console.log(
    `faults off: ${offRatio.toFixed(2)}x (${verdict(offRatio, FAULTS_OFF_TARGET)} the ${FAULTS_OFF_TARGET}x target); ` +
      `10% faults: ${onRatio.toFixed(2)}x (${verdict(onRatio, FAULTS_ON_TARGET)} the ${FAULTS_ON_TARGET}x target)`,
  );
}

if (process.argv.includes('--serve')) {
  void serve();
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
