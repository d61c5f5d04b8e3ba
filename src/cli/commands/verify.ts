import { Command } from 'commander';
import { ConnectionError } from '../../errors';
import { isHttpUrl } from '../../pact/isHttpUrl';
import type { VerifyProviderOptions } from '../../pact/VerifyProviderOptions';
import type { CliIo } from '../CliIo';
import type { CommandContext } from '../CommandContext';
import { ensureOutputsWritable } from '../ensureOutputsWritable';
import { ExitCode } from '../ExitCode';
import { parseReportTargets, reportOption, type ReportTargets } from '../fuzzFlags';
import { optionFlag } from '../optionFlags';
import { verifyHints } from '../verifyHints';
import {
  type VerifyFlags,
  verifyProviderOptionsFromFlags,
} from '../verifyProviderOptionsFromFlags';

/** Where `verify` writes its results besides standard output. */
export interface VerifyOutputs {
  /** The `--report` files. @defaultValue none */
  readonly reports?: ReportTargets;
}

const EXAMPLES = `
Replays each interaction of the pacts against the provider and prints one line per interaction
(PASS or FAIL); under each failure, the JSON path (or status, or header) with expected and actual.

Provider states: by default nothing is set up on the provider; the "policyId" of each state is
mapped to --policy-id, which must name a device compliance policy that exists there. With
--state-setup-url each state change is POSTed there as { state, params, action } instead, and the
JSON answer supplies the values request paths take. --token replaces the bearer token of every
replayed request that carries one; the missing-token interaction is replayed without one. Where
the provider's answers echo the token, the output shows $TOKEN instead, unless --show-token.

Reports: --report json=PATH writes { "pact": <the verification report> }, the shape check writes
for its Pact step (passed, interactions with their mismatches, stateFailures, notices, output);
--report junit=PATH writes JUnit XML with one test case per interaction, for CI test panels.
Both may be given; each path is checked before any request is sent.

Limits: each request gets --request-timeout milliseconds, and at most 1 MiB of its answer is read.
A request that times out, whose connection the provider closes, or whose answer is larger fails its
interaction, and the failure names the cause.

Examples:
  $ npx user-status-contracts verify --base-url http://127.0.0.1:4010 --token local-dev-token \\
      --policy-id 11111111-2222-4333-8444-555555555555
  $ npx user-status-contracts verify --base-url https://graph.microsoft.com/v1.0 --token "$TOKEN" \\
      --policy-id "$POLICY_ID" --pact pacts/my-app-graph-user-statuses.json
  $ npx user-status-contracts verify --base-url http://127.0.0.1:4010 --token local-dev-token \\
      --state-setup-url http://127.0.0.1:4010/_pact/provider-states
  $ npx user-status-contracts verify --base-url "$PROVIDER_URL" --token "$TOKEN" --policy-id "$POLICY_ID" \\
      --broker-url "$PACT_BROKER_BASE_URL" --broker-token "$PACT_BROKER_TOKEN" \\
      --consumer-version-selectors '[{"mainBranch":true},{"deployedOrReleased":true}]' \\
      --enable-pending --include-wip-since 2025-01-01 \\
      --publish --provider-version "$GIT_SHA" --provider-branch "$GIT_BRANCH"
  $ npx user-status-contracts verify --base-url http://127.0.0.1:4010 --token local-dev-token \\
      --policy-id 11111111-2222-4333-8444-555555555555 --report junit=reports/pact.xml

Environment: without --pact, --broker-url defaults to PACT_BROKER_BASE_URL, and --broker-token
defaults to PACT_BROKER_TOKEN whenever a broker is used. Without --pact and a broker, the pact
shipped in this package's pacts/ folder is verified.

Exit codes: 0 every interaction passed, 1 any interaction failed, 2 usage error, unreadable pact,
or unreachable provider.`;

/** The `verify` verb: provider verification of pacts (files, URLs or a Pact Broker). */
export function verifyCommand({ io, setExitCode }: CommandContext): Command {
  return new Command('verify')
    .description('verify a provider against pacts and list every interaction with pass or fail')
    .requiredOption(
      '--base-url <url>',
      "the provider's base URL, required; interaction paths are appended to it (e.g. http://127.0.0.1:4010, or https://graph.microsoft.com/v1.0)",
    )
    .option(
      '--token <token>',
      "a bearer token the provider accepts: it replaces the pact's token in every replayed request that carries one (default: the pact's own)",
    )
    .option(
      '--policy-id <id>',
      "a device compliance policy that exists on the provider: every provider state's policyId is mapped to it (required unless --state-setup-url)",
    )
    .option(
      '--pact <fileOrUrl...>',
      "pact files, folders of pact files or pact URLs; repeatable (default: this package's pact in pacts/, unless --broker-url or $PACT_BROKER_BASE_URL)",
    )
    .option(
      '--provider <name>',
      'the provider name the pacts and the Pact Broker use (default: graph-user-statuses)',
    )
    .option(
      '--state-setup-url <url>',
      'POST each provider state change there as { state, params, action }, and take the ids from its JSON answer, instead of mapping them to --policy-id (e.g. http://127.0.0.1:4010/_pact/provider-states)',
    )
    .option(
      '--broker-url <url>',
      "a Pact Broker to fetch the provider's pacts from, e.g. https://your-org.pactflow.io (default without --pact: $PACT_BROKER_BASE_URL)",
    )
    .option(
      '--broker-token <token>',
      "the Pact Broker's bearer token, also sent for --pact URLs (default: $PACT_BROKER_TOKEN)",
    )
    .option(
      '--consumer-version-selectors <json>',
      'with --broker-url: which consumer versions to verify, as JSON (e.g. \'[{"mainBranch":true},{"deployedOrReleased":true}]\')',
    )
    .option(
      '--enable-pending',
      'with --broker-url: pacts this provider has not verified yet are pending, their failures do not fail the run',
    )
    .option(
      '--include-wip-since <date>',
      'with --broker-url: also verify work-in-progress pacts published since this date (YYYY-MM-DD)',
    )
    .option(
      '--publish',
      'publish the results to the Pact Broker (needs --provider-version, and --broker-url or a --pact URL)',
    )
    .option(
      '--provider-version <version>',
      'with --publish: the provider version the results are for (e.g. the commit SHA)',
    )
    .option(
      '--provider-branch <branch>',
      "with --broker-url: the provider's branch, published with the results and used by branch selectors",
    )
    .option(
      '--request-timeout <MS>',
      'a request (or provider state change) with no complete answer after MS fails, and so does a provider whose first answer takes longer (default: 30000)',
    )
    .option(
      '--show-token',
      "print the bearer token where the provider's answers echo it, instead of $TOKEN",
    )
    .addOption(
      reportOption(
        'also write a report: json=PATH (the verification report) or junit=PATH (one test case per interaction) (repeatable)',
      ),
    )
    .addHelpText('after', EXAMPLES)
    .action(async (flags: VerifyFlags) => {
      const reports = parseReportTargets(flags.report);
      const options = verifyProviderOptionsFromFlags(flags, io);
      setExitCode(await verify(options, io, { reports }));
    });
}

/** Runs `verify` and resolves to its exit code. */
export async function verify(
  options: VerifyProviderOptions,
  io: CliIo,
  outputs: VerifyOutputs = {},
): Promise<ExitCode> {
  const reports = outputs.reports ?? {};
  // Before any request: a report that cannot be written is known now, not after the run.
  await ensureOutputsWritable(reports, false);
  // Loaded here, not at the top: `--help` and the other verbs stay free of the verifier.
  const { verifyProviderNamingOptions } = await import('../../pact/verifyProvider');
  const { formatVerificationReport } = await import('../../pact/formatVerificationReport');
  const controller = new AbortController();
  void io.interrupted.then(() =>
    controller.abort(
      new ConnectionError(options.baseUrl, 'interrupted before the verification finished'),
    ),
  );
  let pactFiles: readonly string[] = [];
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const report = await verifyProviderNamingOptions(
    {
      ...options,
      signal: controller.signal,
      onStart: (run) => {
        pactFiles = run.pacts.filter((pact) => !isHttpUrl(pact));
        const from = [...run.pacts, ...(run.brokerUrl === undefined ? [] : [run.brokerUrl])];
        io.stderr(`verifying ${from.join(', ')} against ${run.baseUrl}\n`);
      },
    },
    optionFlag,
  );
  const seconds = (performance.now() - started) / 1000;
  io.stdout(formatVerificationReport(report));
  if (reports.json !== undefined || reports.junit !== undefined) {
    const { writeVerificationReports } = await import('../writeVerificationReports');
    const written = await writeVerificationReports(report, reports, { seconds, startedAt });
    for (const path of written) io.stderr(`report written to ${path}\n`);
  }
  const failed = report.interactions.filter((i) => !i.passed && !i.pending).length;
  const pending = report.interactions.filter((i) => !i.passed && i.pending).length;
  const passed = report.interactions.length - failed - pending;
  if (report.interactions.length === 0) {
    io.stderr('no interaction was verified: the pacts hold none, or the broker selected none\n');
    return ExitCode.Findings;
  }
  io.stderr(
    `${report.interactions.length} interaction(s) verified: ${passed} passed, ${failed} failed` +
      (pending > 0 ? `, ${pending} pending` : '') +
      (report.stateFailures.length > 0
        ? `, ${report.stateFailures.length} provider state(s) not set up`
        : '') +
      '\n',
  );
  for (const hint of await verifyHints(report, options, pactFiles)) io.stderr(`hint: ${hint}\n`);
  return report.passed ? ExitCode.Ok : ExitCode.Findings;
}
