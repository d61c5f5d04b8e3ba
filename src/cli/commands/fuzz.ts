import { Command, Option } from 'commander';
import { UsageError } from '../../errors';
import { assertLoopbackTarget } from '../../fuzz/assertLoopbackTarget';
import type { CliIo } from '../CliIo';
import type { CommandContext } from '../CommandContext';
import { prepareFuzzOutputs } from '../prepareFuzzOutputs';
import { ExitCode } from '../ExitCode';
import { addFuzzFlags, parseFuzzFlags, type RawFuzzFlags } from '../fuzzFlags';
import { parseInteger } from '../parseOptionValues';

const DEFAULT_RUNS = 100;
const DEFAULT_FAILURES_FILE = 'fuzz-failures.json';

const HELP = `
Sends generated requests (valid, invalid, malformed, unauthorised, wrong media type, wrong method,
unknown policy, create/read/delete sequences) and judges every answer with the named checks. Each
distinct failure (check, rule, pointer, answer) is shrunk to a minimal case and printed once, with
how many cases showed it, a curl command and its finding id; findings whose minimal request is the
same are grouped as one root cause. Findings are saved to a file that --replay re-runs later.

Levels: each rule names its source. A "failure" breaks the documented contract or a MUST of HTTP,
JSON or OData and fails the run; a "warning" (a SHOULD, something the contract leaves open, or the
toolkit's stricter advice) is printed and reported but does not fail it, unless --fail-on warning.
Baselines: --save-baseline FILE records the findings; a later run with --baseline FILE fails only on
findings it does not list, and says which listed ones are fixed.

Budgets: --runs and --max-time bound a run (no time limit unless --max-time: no case starts after
it, cases in flight finish); --concurrency and --rate-limit (no limit unless given) bound the load.
A 429 (or a 503/504 with Retry-After) is retried three times, honouring Retry-After up to 10 s and
never past --max-time; a case still throttled is not judged. A check that judged no case is shown
as "not exercised" and makes the run incomplete. --checks and --exclude-checks take the names
listed above; max_response_time runs only with --max-response-time. --report json=PATH and
--report junit=PATH may both be given; JUnit XML has one test case per distinct finding.
Progress: on a terminal, one line rewritten in place; in a pipe or CI log, and with TERM=dumb or
NO_COLOR set, a plain line as each scenario starts, with no control codes.

Examples:
  $ npx user-status-contracts fuzz --base-url http://127.0.0.1:4010 --token local-dev-token \\
      --policy-id 11111111-2222-4333-8444-555555555555
  $ npx user-status-contracts fuzz ... --runs 500 --max-time 120 --report junit=fuzz.xml
  $ npx user-status-contracts fuzz ... --checks negative_data_rejection,ignored_auth --seed 42
  $ npx user-status-contracts fuzz ... --shard 2/4 --seed 7          # one of 4 CI machines
  $ npx user-status-contracts fuzz ... --save-baseline known.json    # then: --baseline known.json
  $ npx user-status-contracts fuzz --token local-dev-token --replay fuzz-failures.json   # fixed?
  $ npx user-status-contracts fuzz --token local-dev-token --replay fuzz-failures.json --finding 3f2a9c1b0d

Targets other than loopback addresses need --allow-remote: fuzzing creates data on the server.
Exit codes: 0 no failure (or every replayed finding fixed), 1 failures (new ones, with --baseline;
warnings too, with --fail-on warning), 2 usage or connection errors, 3 no failure but the run is
incomplete (a check judged no case; --allow-incomplete makes it 0).`;

interface RawFuzzCommandFlags extends RawFuzzFlags {
  baseUrl?: string;
  token?: string;
  policyId?: string;
  replay?: string;
  finding?: string[];
  saveFailures: string | false;
}

/** The `fuzz` verb: property-based testing of a server against the contract. */
export function fuzzCommand({ io, setExitCode }: CommandContext): Command {
  const command = new Command('fuzz')
    .description(
      'fuzz a server with generated requests and report every way it breaks the contract',
    )
    .option(
      '--base-url <URL>',
      "the server to fuzz, required (with --replay: defaults to the saved run's), e.g. http://127.0.0.1:4010 (may end in /v1.0); a loopback address unless --allow-remote",
    )
    .option(
      '--token <T>',
      'a bearer token the server accepts, required (curl reproductions show it as $TOKEN)',
    )
    .option(
      '--policy-id <ID>',
      "a device compliance policy id that exists on the server, required (with --replay: defaults to the saved run's): statuses are created under it",
    );
  addFuzzFlags(command, { runs: DEFAULT_RUNS })
    .option(
      '--save-failures <PATH>',
      'where to save the findings, for --replay (written only when there are findings)',
      DEFAULT_FAILURES_FILE,
    )
    .option('--no-save-failures', 'do not save findings to a file (e.g. in CI, with --report)')
    .option(
      '--replay <FILE>',
      're-run the findings saved in FILE instead of fuzzing, and report each as fixed or still failing; needs --token, and takes --base-url and --policy-id from FILE unless given',
    )
    .addOption(
      new Option(
        '--finding <ID>',
        'with --replay: re-run only the finding with this id (as printed after "replay:"; repeatable)',
      ).argParser((value: string, previous: string[] = []) => [...previous, value]),
    )
    .addHelpText('after', HELP)
    .action(async (raw: RawFuzzCommandFlags) => setExitCode(await runFuzz(raw, io)));
  return command;
}

async function runFuzz(raw: RawFuzzCommandFlags, io: CliIo): Promise<ExitCode> {
  if (raw.replay !== undefined) return runReplay(raw.replay, raw, io);
  const missing = (['baseUrl', 'token', 'policyId'] as const).filter(
    (key) => raw[key] === undefined,
  );
  if (missing.length > 0) {
    throw new UsageError(
      `fuzz needs ${missing.map(flagOf).join(', ')} (to check the embedded reference provider, run "check" instead)`,
    );
  }
  const target = {
    baseUrl: raw.baseUrl as string,
    token: raw.token as string,
    policyId: raw.policyId as string,
  };
  const { options, reports, verdict } = parseFuzzFlags(raw, { runs: DEFAULT_RUNS });
  const outputs = await prepareFuzzOutputs(reports, raw.saveFailures, verdict);
  const { runAndReportFuzz } = await import('../runAndReportFuzz');
  const result = await runAndReportFuzz({ ...options, ...target }, io, outputs);
  return result.verdict.exitCode;
}

function flagOf(key: 'baseUrl' | 'token' | 'policyId'): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Re-runs saved findings: --base-url and --policy-id default to the run that saved them. */
async function runReplay(path: string, raw: RawFuzzCommandFlags, io: CliIo): Promise<ExitCode> {
  const [{ loadFailures }, { replay }] = await Promise.all([
    import('../../fuzz/failuresFile'),
    import('../../fuzz/replay'),
  ]);
  const file = await loadFailures(path);
  const wanted = raw.finding ?? [];
  const unknown = wanted.filter((id) => !file.findings.some((finding) => finding.id === id));
  if (unknown.length > 0) {
    throw new UsageError(
      `${path} has no finding ${unknown.join(', ')}; its findings are ${file.findings.map((f) => f.id ?? '(no id)').join(', ')}`,
    );
  }
  const findings =
    wanted.length === 0 ? file.findings : file.findings.filter((f) => wanted.includes(f.id));
  if (raw.token === undefined) {
    throw new UsageError(
      `--replay needs --token, a bearer token the server accepts (${path} holds $TOKEN, never the token)`,
    );
  }
  const target = {
    baseUrl: raw.baseUrl ?? file.target.baseUrl,
    token: raw.token,
    policyId: raw.policyId ?? file.target.policyId,
  };
  assertLoopbackTarget(target.baseUrl, raw.allowRemote === true);
  io.stderr(
    `replaying ${findings.length} finding(s) from ${path} against ${target.baseUrl} (policy ${target.policyId})\n`,
  );
  const results = await replay(findings, {
    ...target,
    allowRemote: raw.allowRemote === true,
    ...(raw.requestTimeout === undefined
      ? {}
      : { requestTimeoutMs: parseInteger(raw.requestTimeout, '--request-timeout', { min: 1 }) }),
    ...(raw.maxResponseTime === undefined
      ? {}
      : {
          maxResponseTimeMs: parseInteger(raw.maxResponseTime, '--max-response-time', { min: 1 }),
        }),
  });
  for (const result of results) {
    const mark = result.status === 'fixed' ? 'fixed        ' : 'still failing';
    const id = result.finding.id === undefined ? '' : `${result.finding.id}  `;
    io.stdout(
      `${mark}  ${id}${result.finding.check}: ${result.message ?? result.finding.message}\n`,
    );
  }
  const failing = results.filter((result) => result.status === 'still failing').length;
  io.stdout(`${results.length - failing} fixed, ${failing} still failing (from ${path})\n`);
  return failing > 0 ? ExitCode.Findings : ExitCode.Ok;
}
