import { Command } from 'commander';
import { UsageError } from '../../errors';
import { assertLoopbackTarget } from '../../fuzz/assertLoopbackTarget';
import type { VerificationReport } from '../../pact/VerificationReport';
import type { Provider } from '../../provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../provider/defaults';
import type { CliIo } from '../CliIo';
import type { CommandContext } from '../CommandContext';
import { prepareFuzzOutputs } from '../prepareFuzzOutputs';
import { ExitCode } from '../ExitCode';
import { optionFlag } from '../optionFlags';
import {
  addFuzzFlags,
  DEFAULT_REQUEST_TIMEOUT_MS,
  parseFuzzFlags,
  type RawFuzzFlags,
} from '../fuzzFlags';
import { pactJunitSuite } from '../pactJunitSuite';

const DEFAULT_RUNS = 100;

const HELP = `
Runs both halves of the toolkit against one server and prints one summary:
  1. Pact verification of this package's pact (every create interaction, with provider states
     mapped to --policy-id);
  2. the fuzzer, with every check that is on by default.
Without --base-url it starts the embedded reference provider on a free loopback port and checks
it (with the provider's self-check on); in this package's own repository, "npm start" runs exactly that.

The fuzzing flags are those of "fuzz" (see fuzz --help): --runs and --max-time bound the run,
--checks and --exclude-checks pick the checks, and --report junit=PATH writes one JUnit file with a
suite for the Pact interactions and one for the fuzzer. The Pact step's time counts against
--max-time (the fuzzer gets what is left), --request-timeout bounds each of its requests too, and it
reads at most 1 MiB of an answer; a request that times out, is cut off or is answered with more
fails its interaction, naming the cause. A --base-url that is not a loopback address needs
--allow-remote, checked before either step sends anything: both create data on the server.
--show-token prints the bearer token in the Pact step's output too, where the server's answers echo
it (by default it reads $TOKEN there, as in the fuzzer's findings).

Examples:
  $ npx user-status-contracts check                                   # the reference provider
  $ npx user-status-contracts check --seed 7 --runs 500 --max-time 60
  $ npx user-status-contracts check --base-url http://127.0.0.1:8080 --token T --policy-id P \\
      --report junit=check.xml

Findings are graded as in fuzz: failures fail the check, warnings are reported (see fuzz --help for
--fail-on, --baseline and --allow-incomplete).

Exit codes: 0 everything passed, 1 a Pact interaction failed or the fuzzer found a failure,
2 usage or connection errors, 3 no failure but the fuzzing run is incomplete (a check judged no case).`;

interface RawCheckVerbFlags extends RawFuzzFlags {
  baseUrl?: string;
  token?: string;
  policyId?: string;
  pact: boolean;
  saveFailures: string | false;
}

/** The `check` verb: Pact verification and fuzzing together, by default against the reference provider. */
export function checkCommand({ io, setExitCode }: CommandContext): Command {
  const command = new Command('check')
    .description(
      'verify the pact and fuzz a server (by default the embedded reference provider), with one summary',
    )
    .option(
      '--base-url <URL>',
      'the server to check, e.g. http://127.0.0.1:8080; then --token and --policy-id are required too (default: start the embedded reference provider)',
    )
    .option(
      '--token <T>',
      `a bearer token the server accepts (default with the embedded provider: ${DEFAULT_TOKEN})`,
    )
    .option(
      '--policy-id <ID>',
      `a device compliance policy id that exists on the server (default with the embedded provider: ${DEFAULT_POLICY_ID})`,
    );
  addFuzzFlags(command, { runs: DEFAULT_RUNS })
    .option('--no-pact', 'skip the Pact verification and only fuzz')
    .option(
      '--save-failures <PATH>',
      'where to save the fuzz findings, for fuzz --replay (written only when there are findings)',
      'fuzz-failures.json',
    )
    .option('--no-save-failures', 'do not save fuzz findings to a file (e.g. in CI, with --report)')
    .addHelpText('after', HELP)
    .action(async (raw: RawCheckVerbFlags) => setExitCode(await runCheckVerb(raw, io)));
  return command;
}

async function runCheckVerb(raw: RawCheckVerbFlags, io: CliIo): Promise<ExitCode> {
  const { options, reports, verdict } = parseFuzzFlags(raw, { runs: DEFAULT_RUNS });
  if (raw.baseUrl !== undefined && (raw.token === undefined || raw.policyId === undefined)) {
    throw new UsageError(
      'with --base-url, also pass --token and --policy-id (a bearer token and a policy id that exist there)',
    );
  }
  // Before any request of either step: the Pact step creates data on the server too.
  if (raw.baseUrl !== undefined) assertLoopbackTarget(raw.baseUrl, options.allowRemote === true);
  const outputs = await prepareFuzzOutputs(reports, raw.saveFailures, verdict);
  let provider: Provider | undefined;
  let baseUrl = raw.baseUrl;
  if (baseUrl === undefined) {
    const { createProvider } = await import('../../provider/createProvider');
    provider = createProvider({ selfCheck: true });
    ({ url: baseUrl } = await provider.listen({ host: '127.0.0.1', port: 0 }));
    io.stderr(
      `started the reference provider at ${baseUrl} (token ${DEFAULT_TOKEN}, policy ${DEFAULT_POLICY_ID})\n`,
    );
  }
  const target = {
    baseUrl,
    token: raw.token ?? DEFAULT_TOKEN,
    policyId: raw.policyId ?? DEFAULT_POLICY_ID,
  };
  try {
    let pact: { report: VerificationReport; seconds: number; startedAt: string } | undefined;
    const { maxTimeSeconds } = options;
    if (raw.pact) {
      io.stderr('check: verifying the pact...\n');
      pact = await verifyPact(target, {
        showToken: options.showToken === true,
        timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        ...(maxTimeSeconds === undefined ? {} : { maxTimeSeconds }),
      });
      // The same lines as verify prints, indented under the step's heading.
      const { formatVerificationReport } = await import('../../pact/formatVerificationReport');
      const lines = formatVerificationReport(pact.report).replace(/^(?=.)/gm, '  ');
      io.stdout(`Pact verification:\n${lines}\n`);
    }
    io.stderr('check: fuzzing...\n');
    const { runAndReportFuzz } = await import('../runAndReportFuzz');
    // The Pact step's time counts against --max-time: the fuzzer gets what is left.
    const fuzzOptions =
      maxTimeSeconds === undefined || pact === undefined
        ? options
        : { ...options, maxTimeSeconds: Math.max(0, maxTimeSeconds - pact.seconds) };
    const { report, verdict: fuzzResult } = await runAndReportFuzz(
      { ...fuzzOptions, ...target },
      io,
      outputs,
      pact
        ? {
            json: { pact: pact.report },
            suites: [pactJunitSuite(pact.report, pact.seconds, pact.startedAt)],
          }
        : {},
    );
    const pactFailures = pact
      ? pact.report.interactions.filter((i) => !i.passed && !i.pending).length
      : 0;
    const pactLine = pact
      ? `Pact: ${pact.report.interactions.length - pactFailures} of ${pact.report.interactions.length} interaction(s) passed`
      : 'Pact: skipped (--no-pact)';
    const failures = report.findings.filter((f) => f.level === 'failure').length;
    const fuzzLine =
      `Fuzz: ${failures} failure(s), ${report.findings.length - failures} warning(s) from ${report.cases} case(s)` +
      (report.incomplete ? ' (incomplete)' : '');
    const pactClean = pactFailures === 0 && (pact?.report.passed ?? true);
    const exitCode = pactClean ? fuzzResult.exitCode : ExitCode.Findings;
    const outcome =
      exitCode === ExitCode.Ok
        ? 'check passed'
        : exitCode === ExitCode.Incomplete
          ? 'check INCOMPLETE'
          : 'check FAILED';
    io.stdout(`\n${pactLine}\n${fuzzLine}\n${outcome}\n`);
    return exitCode;
  } finally {
    await provider?.close();
  }
}

async function verifyPact(
  target: { baseUrl: string; token: string; policyId: string },
  limits: { showToken: boolean; timeoutMs: number; maxTimeSeconds?: number },
): Promise<{ report: VerificationReport; seconds: number; startedAt: string }> {
  // Loaded here: the verifier is needed only once a check runs.
  const { verifyProviderNamingOptions } = await import('../../pact/verifyProvider');
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const report = await verifyProviderNamingOptions(
    {
      baseUrl: target.baseUrl,
      token: target.token,
      policyId: target.policyId,
      ...limits,
    },
    optionFlag,
  );
  return { report, seconds: (performance.now() - started) / 1000, startedAt };
}
