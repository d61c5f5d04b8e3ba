import { Command, Option } from 'commander';
import { SAMPLE_CREATE_REQUEST } from '../../contracts/sampleCreateRequest';
import { userStatusesPath } from '../../contracts/userStatusesPath';
import { REQUEST_PROFILES, type RequestProfile } from '../../contracts/registry';
import type { FaultSchedule } from '../../faults/FaultSchedule';
import { FAULT_SPEC_SYNTAX } from '../../faults/parseFaultSpec';
import {
  DEFAULT_HOST,
  DEFAULT_PAGE_SIZE,
  DEFAULT_POLICY_ID,
  DEFAULT_PORT,
  DEFAULT_PROVIDER_SEED,
  DEFAULT_STORE_CAPACITY,
  DEFAULT_STORE_CAPACITY_BYTES,
  DEFAULT_TOKEN,
  MAX_PAGE_SIZE,
} from '../../provider/defaults';
import type { FaultEvent } from '../../provider/FaultEvent';
import type { RequestLogLine } from '../../provider/RequestLogLine';
import type { CliIo } from '../CliIo';
import type { CommandContext } from '../CommandContext';
import { ExitCode } from '../ExitCode';
import { parseInteger, parseRate } from '../parseOptionValues';
import { printablePath } from '../printablePath';
import {
  clientSummary,
  DEFAULT_FAULT_SEED,
  faultLines,
  formatFaultLine,
  parseFaults,
  PLANNED_REQUESTS,
} from '../serveFaults';

/** Options of `serve`, checked and typed. */
export interface ServeOptions {
  /** @defaultValue `'127.0.0.1'` */
  readonly host: string;
  /** 0 picks a free port. @defaultValue `4010` */
  readonly port: number;
  /** Accepted bearer tokens. @defaultValue `['local-dev-token']` */
  readonly tokens: readonly string[];
  /** Policies that exist. @defaultValue `['11111111-2222-4333-8444-555555555555']` */
  readonly policyIds: readonly string[];
  /** Seed of the ids and of `preload`. @defaultValue `1` */
  readonly seed: number;
  /** Generated statuses stored at start. @defaultValue `0` */
  readonly preload: number;
  /** Statuses kept before the oldest is evicted. @defaultValue `10000` */
  readonly storeCapacity: number;
  /** Bytes of statuses (as JSON) kept before the oldest is evicted. @defaultValue `67108864` */
  readonly storeCapacityBytes: number;
  /** Requests per second before 429s. @defaultValue `undefined` (no throttling) */
  readonly throttle?: number;
  /** The request profile creates are validated with. @defaultValue `'documented'` */
  readonly profile: RequestProfile;
  /** Serve `POST /_pact/provider-states`. @defaultValue `false` */
  readonly enableStateRoute: boolean;
  /** Check every answer against its contract before sending it. @defaultValue `false` */
  readonly selfCheck: boolean;
  /** No line per request (nor per injected fault). @defaultValue `false` */
  readonly quiet: boolean;
  /** The faults to inject (`--faults` with `--fault-seed`). @defaultValue `undefined` (none, ever) */
  readonly faults?: FaultSchedule;
}

const EXAMPLES = `
Serves a local fake of Microsoft Graph for this resource: POST (create), GET (list and by id), PATCH
and DELETE under /deviceManagement/deviceCompliancePolicies/{id}/userStatuses, also under /v1.0 and
/beta, with Graph's status codes, error envelope and headers. Statuses live in memory; past
--store-capacity statuses or --store-capacity-bytes bytes the oldest are evicted. Listings are
paged as Graph pages them: ${DEFAULT_PAGE_SIZE} a page, $top up to ${MAX_PAGE_SIZE}, then @odata.nextLink.
It prints the base URL and a curl that works, then one line per request on standard error.
Ctrl-C stops it.

With no flags: http://${DEFAULT_HOST}:${DEFAULT_PORT}, token "${DEFAULT_TOKEN}",
policy id ${DEFAULT_POLICY_ID}.

Examples:
  $ npx user-status-contracts serve
  $ npx user-status-contracts serve --port 0 --token alpha --token beta --policy-id p1 --policy-id p2
  $ npx user-status-contracts serve --seed 7 --preload 100
  $ npx user-status-contracts serve --throttle 20/s --quiet
  $ npx user-status-contracts serve --enable-state-route   # for Pact provider verification
  $ npx user-status-contracts serve --self-check           # a 500 names any answer that breaks the contract
  $ npx user-status-contracts serve --faults 429:0.2:retry-after=1.5,503:0.05,reset-after-store:0.02 --fault-seed 7

Faults (--faults SPEC, never by default): every request to the userStatuses collection and item
routes is numbered from 1, and request n gets a fault when a number drawn from (--fault-seed, n)
alone falls in that fault's rate, so a run replays exactly. Kinds: 429 and 503, 504 (Graph's error
envelope, Retry-After in seconds, e.g. 2.128), reset-before-store and reset-after-store (the
connection is cut before the request is applied, or after: a create stored, its answer lost),
latency. SPEC: ${FAULT_SPEC_SYNTAX}.
It prints the decisions for the first ${PLANNED_REQUESTS} requests at start, a line per injected
fault, and at stop what the clients did wrong (Retry-After not honoured, unbounded retries, a
create stored twice).

Exit codes: 0 stopped cleanly, 2 usage error or cannot listen (port in use, unknown host).`;

const MAX_PRELOAD = 1_000_000;

/** The `serve` verb: runs the reference provider until interrupted. */
export function serveCommand({ io, setExitCode }: CommandContext): Command {
  return new Command('serve')
    .description('run the reference provider, a local fake of this Graph resource')
    .option(
      '--host <host>',
      'the address to listen on (0.0.0.0 for every interface, e.g. in a container)',
      DEFAULT_HOST,
    )
    .option(
      '-p, --port <port>',
      'the port to listen on (0 picks a free one, printed at start)',
      String(DEFAULT_PORT),
    )
    .option(
      '--token <token...>',
      `bearer tokens to accept (send Authorization: Bearer <token>); repeatable (default: ${DEFAULT_TOKEN})`,
    )
    .option(
      '--policy-id <id...>',
      `ids of the device compliance policies that exist, any other gets 404; repeatable (default: ${DEFAULT_POLICY_ID})`,
    )
    .option(
      '--seed <s>',
      'seed of the server-assigned ids and of --preload: the same seed, the same ids in the same order',
      String(DEFAULT_PROVIDER_SEED),
    )
    .option(
      '--preload <n>',
      'store this many generated statuses at start, spread over the policies (at most 1000000)',
      '0',
    )
    .option(
      '--store-capacity <n>',
      'statuses kept over all policies before the oldest is evicted (bounds memory in long fuzz runs)',
      String(DEFAULT_STORE_CAPACITY),
    )
    .option(
      '--store-capacity-bytes <n>',
      'bytes of statuses (as JSON) kept over all policies before the oldest is evicted (bounds memory when names are huge)',
      String(DEFAULT_STORE_CAPACITY_BYTES),
    )
    .option(
      '--throttle <rate>',
      'simulate throttling: past this many requests per second, answer 429 with Retry-After (e.g. 20/s; default: no throttling)',
    )
    .addOption(
      new Option(
        '--profile <profile>',
        "the request profile creates are validated with: documented (five properties required) or graph-metadata (all optional; left-out ones get Graph's defaults)",
      )
        .choices(REQUEST_PROFILES)
        .default('documented'),
    )
    .option(
      '--enable-state-route',
      'serve POST /_pact/provider-states (no token needed) so verify --state-setup-url can set provider states up',
      false,
    )
    .option(
      '--self-check',
      'check every answer against the contract before sending it (a 500 names any breach)',
      false,
    )
    .option(
      '--faults <spec>',
      'inject Graph faults at these rates, e.g. 429:0.2:retry-after=1.5,503:0.05,reset-after-store:0.02,latency:0.1:ms=200 (default: none)',
    )
    .option(
      '--fault-seed <n>',
      `seed of --faults: the same seed and spec give the same faults at the same requests (default: ${DEFAULT_FAULT_SEED})`,
    )
    .option('-q, --quiet', 'do not print a line per request (nor per injected fault)', false)
    .addHelpText('after', EXAMPLES)
    .action(async (raw: RawServeOptions) => {
      setExitCode(await serve(parseServeOptions(raw), io));
    });
}

interface RawServeOptions {
  host: string;
  port: string;
  token?: string[];
  policyId?: string[];
  seed: string;
  preload: string;
  storeCapacity: string;
  storeCapacityBytes: string;
  throttle?: string;
  profile: RequestProfile;
  enableStateRoute: boolean;
  selfCheck: boolean;
  quiet: boolean;
  faults?: string;
  faultSeed?: string;
}

function parseServeOptions(raw: RawServeOptions): ServeOptions {
  return {
    host: raw.host,
    port: parseInteger(raw.port, '--port', { min: 0, max: 65535 }),
    tokens: raw.token ?? [DEFAULT_TOKEN],
    policyIds: raw.policyId ?? [DEFAULT_POLICY_ID],
    seed: parseInteger(raw.seed, '--seed'),
    preload: parseInteger(raw.preload, '--preload', { min: 0, max: MAX_PRELOAD }),
    storeCapacity: parseInteger(raw.storeCapacity, '--store-capacity', { min: 1 }),
    storeCapacityBytes: parseInteger(raw.storeCapacityBytes, '--store-capacity-bytes', { min: 1 }),
    ...(raw.throttle === undefined ? {} : { throttle: parseRate(raw.throttle, '--throttle') }),
    profile: raw.profile,
    enableStateRoute: raw.enableStateRoute,
    selfCheck: raw.selfCheck,
    quiet: raw.quiet,
    ...parseFaults(raw.faults, raw.faultSeed),
  };
}

/**
 * Runs the reference provider until `io.interrupted` resolves, then closes it. Resolves to the
 * exit code; a port in use or an unusable option throws (`ConnectionError`, `UsageError`).
 */
export async function serve(options: ServeOptions, io: CliIo): Promise<ExitCode> {
  const { createProvider } = await import('../../provider/createProvider');
  const started = performance.now();
  const provider = createProvider({
    tokens: options.tokens,
    policyIds: options.policyIds,
    seed: options.seed,
    preload: options.preload,
    storeCapacity: options.storeCapacity,
    storeCapacityBytes: options.storeCapacityBytes,
    profile: options.profile,
    enableStateRoute: options.enableStateRoute,
    selfCheck: options.selfCheck,
    ...(options.throttle === undefined ? {} : { throttle: options.throttle }),
    ...(options.quiet ? {} : { onRequest: (line: RequestLogLine) => io.stderr(formatLine(line)) }),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...(options.faults === undefined || options.quiet
      ? {}
      : {
          onFault: (event: FaultEvent) =>
            io.stderr(formatFaultLine(event, performance.now() - started)),
        }),
  });
  const { url } = await provider.listen({ host: options.host, port: options.port });
  io.stdout(banner(url, options));
  await io.interrupted;
  await provider.close();
  if (options.faults !== undefined) io.stderr(clientSummary(provider.record));
  io.stderr('stopped: the reference provider is closed\n');
  return ExitCode.Ok;
}

function banner(url: string, options: ServeOptions): string {
  const token = options.tokens[0] ?? DEFAULT_TOKEN;
  const policyId = options.policyIds[0] ?? DEFAULT_POLICY_ID;
  const collection = `${url}/v1.0${userStatusesPath(policyId)}`;
  const body = JSON.stringify(SAMPLE_CREATE_REQUEST);
  const lines = [
    `Reference provider listening on ${url} (also under /v1.0 and /beta)`,
    `  tokens:     ${options.tokens.join(', ')}  (send Authorization: Bearer <token>)`,
    `  policy ids: ${options.policyIds.join(', ')}`,
    `  store:      ${options.preload} preloaded (seed ${options.seed}), at most ${options.storeCapacity} statuses or ${options.storeCapacityBytes} bytes kept, oldest evicted first`,
    ...(options.throttle === undefined ? [] : [`  throttle:   ${options.throttle} requests/s`]),
    ...(options.enableStateRoute ? [`  pact:       POST ${url}/_pact/provider-states`] : []),
    ...(options.selfCheck
      ? ['  self-check: on (every answer is checked against the contract)']
      : []),
    ...(options.faults === undefined ? [] : faultLines(options.faults)),
    '',
    'Create a user status:',
    `  curl -i -X POST ${shellQuote(collection)} \\`,
    `    -H ${shellQuote(`Authorization: Bearer ${token}`)} \\`,
    `    -H 'Content-Type: application/json' \\`,
    `    -d ${shellQuote(body)}`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  return lines.join('\n');
}

function formatLine(line: RequestLogLine): string {
  const path = printablePath(line.path);
  const status = line.status === 0 ? 'closed' : String(line.status);
  return `${line.method} ${path} ${status} ${line.durationMs.toFixed(1)} ms\n`;
}

/** Quotes a string for POSIX shells: single quotes, with embedded ones closed and escaped. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
