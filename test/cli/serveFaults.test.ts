// serve --faults and --fault-seed: the banner, the fault lines and the summary that docs/faults.md shows.
import { request } from 'undici';
import { describeFaultPlan } from '../../src/faults/describeFaultPlan';
import { faultScheduleFromSpec } from '../../src/faults/faultScheduleFromSpec';
import { FAULT_SPEC_SYNTAX } from '../../src/faults/parseFaultSpec';
import { SAMPLE_CREATE_REQUEST } from '../../src/contracts/sampleCreateRequest';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { runCli } from '../helpers/runCli';
import { startServe, type ServeRun } from '../helpers/startServe';

const COLLECTION = `/v1.0/deviceManagement/deviceCompliancePolicies/${DEFAULT_POLICY_ID}/userStatuses`;
const BODY = JSON.stringify(SAMPLE_CREATE_REQUEST);

/** A `serve` run in this process on an ephemeral port: its output, its URL once listening, and Ctrl-C. */
function startServeOnAnyPort(args: readonly string[]): ServeRun {
  return startServe(['--port', '0', ...args]);
}

async function send(url: string, method: 'GET' | 'POST'): Promise<number> {
  try {
    const response = await request(`${url}${COLLECTION}`, {
      method,
      headers: { authorization: `Bearer ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: BODY } : {}),
    });
    await response.body.dump();
    return response.statusCode;
  } catch {
    return 0;
  }
}

describe('serve --faults', () => {
  it('prints the schedule it follows, then injects and logs exactly those faults', async () => {
    const spec = '429:0.3:retry-after=2.128,503:0.1,reset-before-store:0.05';
    const serve = startServeOnAnyPort(['--faults', spec, '--fault-seed', '7']);
    const url = await serve.url;
    const schedule = faultScheduleFromSpec(spec, 7);
    expect(serve.stdout()).toContain(
      `  faults:     ${spec} (seed 7): requests to userStatuses are numbered from 1; the first 20:`,
    );
    for (const line of describeFaultPlan(schedule, 20))
      expect(serve.stdout()).toContain(`                ${line}\n`);

    const statuses: number[] = [];
    for (let ordinal = 1; ordinal <= 20; ordinal += 1) statuses.push(await send(url, 'GET'));
    const expected = Array.from({ length: 20 }, (_, index) => {
      const fault = schedule.decide(index + 1);
      return fault === undefined
        ? 200
        : fault.kind === 'reset-before-store'
          ? 0
          : Number(fault.kind);
    });
    expect(statuses).toEqual(expected);
    expect(await serve.stop()).toBe(0);
    const faultLines = serve
      .stderr()
      .split('\n')
      .filter((line) => line.startsWith('fault #'));
    expect(faultLines).toHaveLength(expected.filter((status) => status !== 200).length);
    const first = describeFaultPlan(schedule, 20)[0] ?? '';
    const [ordinal, ...kind] = first.split(' ');
    expect(faultLines[0]).toMatch(
      new RegExp(`^fault ${ordinal} \\+\\d+\\.\\d ms GET ${COLLECTION} ${kind.join(' ')}$`),
    );
    expect(serve.stderr()).toMatch(
      /client behaviour over 20 request\(s\), \d+ fault\(s\) injected: /,
    );
  });

  it('says at stop when a client retried before Retry-After', async () => {
    const serve = startServeOnAnyPort(['--faults', '429:1:retry-after=30', '--quiet']);
    const url = await serve.url;
    expect(await send(url, 'POST')).toBe(429);
    expect(await send(url, 'POST')).toBe(429);
    expect(await serve.stop()).toBe(0);
    expect(serve.stderr()).not.toContain('fault #');
    expect(serve.stderr()).toContain(
      'client behaviour over 2 request(s), 2 fault(s) injected: 1 problem(s)',
    );
    expect(serve.stderr()).toMatch(
      /- retry-after-honoured: retried \d+\.\d ms after a 429 that asked Retry-After 30 \(30000\.0 ms\)/,
    );
  });

  it('injects nothing by default and prints no schedule', async () => {
    const serve = startServeOnAnyPort([]);
    const url = await serve.url;
    for (let index = 0; index < 30; index += 1) expect(await send(url, 'POST')).toBe(201);
    expect(await serve.stop()).toBe(0);
    expect(serve.stdout()).not.toContain('faults:');
    expect(serve.stderr()).not.toContain('fault');
  });

  it.each([
    ['500:0.1', 'bad fault spec "500:0.1": "500" is not a fault kind'],
    ['429:2', 'the rate of 429 must be a number from 0 to 1, not "2"'],
    ['429:0.1:ms=3', '429 takes only retry-after, not "ms"'],
  ])('exits 2 on the bad spec %j, naming the bad part and the syntax', async (spec, message) => {
    const { code, stderr, stdout } = await runCli(['serve', '--port', '0', '--faults', spec]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain(FAULT_SPEC_SYNTAX);
  });

  it('exits 2 on --fault-seed without --faults, and on a seed that is not an integer', async () => {
    const alone = await runCli(['serve', '--port', '0', '--fault-seed', '7']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--fault-seed seeds --faults: give --faults SPEC too');
    const bad = await runCli(['serve', '--port', '0', '--faults', '429:0.1', '--fault-seed', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fault-seed must be an integer');
  });

  it('documents --faults and --fault-seed in --help', async () => {
    const { code, stdout } = await runCli(['serve', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--faults <spec>');
    expect(stdout).toContain('--fault-seed <n>');
    expect(stdout).toContain('never by default');
  });
});
