import { COMPLIANCE_STATUSES } from '../src/contracts/complianceStatuses';
import { check } from '../src/validator/check';
import { isUserStatus } from '../src/validator/isUserStatus';
import { handWrittenRequestCheck } from './handWrittenRequestCheck';

// Validation throughput of the contract validator against a careful hand-written check of the same
// rules, measured in the same run. Target: at least 0.5x the hand-written check on valid input.

const SEED = 20_240_229;
const PAYLOADS = 64;
const ROUNDS = 7;
const ROUND_MS = 250;
const TARGET = 0.5;

/** A small seeded PRNG (mulberry32), so every run measures the same payloads. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function makeDate(random: () => number): string {
  const year = 1 + Math.floor(random() * 9999);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const time = `${pad(Math.floor(random() * 24), 2)}:${pad(Math.floor(random() * 60), 2)}:${pad(Math.floor(random() * 60), 2)}`;
  const digits = [0, 3, 7, 7, 7, 12][Math.floor(random() * 6)] ?? 7;
  const fraction = digits === 0 ? '' : `.${pad(Math.floor(random() * 1e12), 12).slice(0, digits)}`;
  const zone =
    random() < 0.6
      ? 'Z'
      : `${random() < 0.5 ? '-' : '+'}${pad(Math.floor(random() * 15), 2)}:${random() < 0.5 ? '00' : '30'}`;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${time}${fraction}${zone}`;
}

function makeRequest(random: () => number, index: number): Record<string, unknown> {
  const body: Record<string, unknown> = {
    userDisplayName: random() < 0.1 ? null : `User ${index}`,
    devicesCount: Math.floor(random() * 2 ** 31) * (random() < 0.1 ? -1 : 1),
    status: COMPLIANCE_STATUSES[index % COMPLIANCE_STATUSES.length],
    lastReportedDateTime: makeDate(random),
    userPrincipalName: random() < 0.1 ? null : `user${index}@contoso.com`,
  };
  if (random() < 0.3) body['@odata.type'] = '#microsoft.graph.deviceComplianceUserStatus';
  return body;
}

function makeEntity(random: () => number, index: number): Record<string, unknown> {
  const hex = () => Math.floor(random() * 0xffffffff).toString(16);
  return {
    '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
    id: `${hex()}-${hex()}_${hex()}-${hex()}_${hex()}`,
    ...makeRequest(random, index),
  };
}

interface Case {
  readonly name: string;
  readonly inputs: readonly unknown[];
  readonly run: (value: unknown) => boolean;
  readonly expected: boolean;
}

let sink = 0;

/** Operations per second of one timed round: calls `run` on the inputs in turn for about `ms`. */
function round(bench: Case, ms: number): number {
  const { inputs, run } = bench;
  const count = inputs.length;
  let operations = 0;
  let accepted = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  do {
    for (let batch = 0; batch < 10_000; batch++) {
      if (run(inputs[operations % count])) accepted++;
      operations++;
    }
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < budget);
  sink += accepted;
  return operations / (Number(elapsed) / 1e9);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function main(): void {
  const random = prng(SEED);
  const requests = Array.from({ length: PAYLOADS }, (_, i) => makeRequest(random, i));
  const badEnum = requests.map((body, i) => ({ ...body, status: i % 2 ? 'Compliant' : 'String' }));
  const entities = Array.from({ length: PAYLOADS }, (_, i) => makeEntity(random, i));

  const cases: Case[] = [
    {
      name: "check('request') valid",
      inputs: requests,
      expected: true,
      run: (v) => check('request', v),
    },
    { name: 'hand-written valid', inputs: requests, expected: true, run: handWrittenRequestCheck },
    {
      name: "check('request') bad enum",
      inputs: badEnum,
      expected: false,
      run: (v) => check('request', v),
    },
    {
      name: 'hand-written bad enum',
      inputs: badEnum,
      expected: false,
      run: handWrittenRequestCheck,
    },
    { name: 'isUserStatus valid entity', inputs: entities, expected: true, run: isUserStatus },
  ];

  // Both sides must agree on every input, or the comparison means nothing.
  for (const bench of cases) {
    for (const input of bench.inputs) {
      if (bench.run(input) !== bench.expected) {
        throw new Error(`${bench.name}: expected ${bench.expected} for ${JSON.stringify(input)}`);
      }
    }
  }

  // Warm up every case before measuring, so the JIT has settled for all of them.
  for (const bench of cases) round(bench, 100);
  const samples = new Map<string, number[]>(cases.map((bench) => [bench.name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const bench of cases) samples.get(bench.name)?.push(round(bench, ROUND_MS));
  }
  const opsPerSecond = new Map(
    cases.map((bench) => [bench.name, median(samples.get(bench.name) ?? [])]),
  );

  console.log(
    `validate: median ops/s over ${ROUNDS} rounds of ${ROUND_MS} ms, ${PAYLOADS} distinct payloads (seed ${SEED})\n`,
  );
  const width = Math.max(...cases.map((bench) => bench.name.length));
  for (const bench of cases) {
    const ops = opsPerSecond.get(bench.name) ?? 0;
    console.log(
      `  ${bench.name.padEnd(width)}  ${Math.round(ops).toLocaleString('en-US').padStart(12)} ops/s`,
    );
  }
  const ratio = (ours: string, baseline: string): number =>
    (opsPerSecond.get(ours) ?? 0) / (opsPerSecond.get(baseline) ?? 1);
  const valid = ratio("check('request') valid", 'hand-written valid');
  const invalid = ratio("check('request') bad enum", 'hand-written bad enum');
  console.log('');
  console.log(
    `  ratio valid   (ours / hand-written): ${valid.toFixed(2)}x  target >= ${TARGET}x  ${valid >= TARGET ? 'PASS' : 'BELOW'}`,
  );
  console.log(`  ratio invalid (ours / hand-written): ${invalid.toFixed(2)}x`);
  if (sink < 0) console.log(sink);
}

main();
