import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { request } from 'undici';
import { isBearerToken } from '../contracts/bearerToken';
import { ConnectionError, InputError, OptionError, type OptionMessage } from '../errors';
import { redactSecret } from '../redactSecret';
import { DEFAULT_PACT_FILE, DEFAULT_PROVIDER_NAME } from './pactNames';
import { clipVerificationReport } from './clipVerificationReport';
import { expandPactFolders } from './expandPactFolders';
import { parseVerifierResult } from './parseVerifierResult';
import { redactVerificationReport } from './redactVerificationReport';
import { startProviderGuard } from './startProviderGuard';
import type { StateSetupFailure, VerificationReport } from './VerificationReport';

/** Options of `verifyProvider`. */
export interface VerifyProviderOptions {
  /**
   * The provider's base URL; interaction paths are appended to it (`http://127.0.0.1:4010`, or
   * `https://graph.microsoft.com/v1.0` for Graph itself).
   */
  readonly baseUrl: string;
  /**
   * The bearer token put in every replayed request that carries an `Authorization` header.
   * Interactions recorded without one (the 401 case) are replayed without one.
   * @defaultValue `undefined` (the token recorded in the pact is sent)
   */
  readonly token?: string;
  /**
   * A device compliance policy that exists on the provider: each state's `policyId` is mapped to
   * it. Required unless `stateSetupUrl` is given.
   * @defaultValue `undefined`
   */
  readonly policyId?: string;
  /**
   * Where the provider sets states up: each state change is posted there as
   * `{ state, params, action }`, and the JSON answer supplies the values paths take.
   * @defaultValue `undefined` (states are not posted; see `policyId`)
   */
  readonly stateSetupUrl?: string;
  /**
   * Pact files, folders of pact files, or pact URLs.
   * @defaultValue this package's own pact, unless `brokerUrl` is given
   */
  readonly pacts?: readonly string[];
  /**
   * The provider's name, as pacts and the Pact Broker know it.
   * @defaultValue `'graph-user-statuses'`
   */
  readonly provider?: string;
  /**
   * A Pact Broker to fetch pacts from (for `provider`).
   * @defaultValue `undefined`
   */
  readonly brokerUrl?: string;
  /**
   * The Pact Broker's bearer token (also sent when fetching pact URLs).
   * @defaultValue `undefined` (the verifier falls back to `PACT_BROKER_TOKEN`)
   */
  readonly brokerToken?: string;
  /**
   * Which consumer versions' pacts to verify, as the Pact Broker defines selectors
   * (`[{ "mainBranch": true }, { "deployedOrReleased": true }]`).
   * @defaultValue `undefined` (the broker's default)
   */
  readonly consumerVersionSelectors?: readonly Readonly<Record<string, unknown>>[];
  /**
   * Verify pacts not yet verified by this provider as pending: their failures do not fail.
   * @defaultValue `false`
   */
  readonly enablePending?: boolean;
  /**
   * Also verify work-in-progress pacts published since this date (`YYYY-MM-DD`).
   * @defaultValue `undefined`
   */
  readonly includeWipPactsSince?: string;
  /**
   * Publish the results to the Pact Broker (needs `providerVersion`).
   * @defaultValue `false`
   */
  readonly publish?: boolean;
  /**
   * The provider version the results are published for (a commit SHA, typically).
   * @defaultValue `undefined`
   */
  readonly providerVersion?: string;
  /**
   * The provider's branch, published with the results and used by branch selectors.
   * @defaultValue `undefined`
   */
  readonly providerBranch?: string;
  /**
   * How long one request (or state change) may take, in milliseconds; the provider's first answer
   * (to the check that it is up) and a pact URL get as long. A request that takes longer fails its
   * interaction, as one whose provider closes the connection or answers more than 1 MiB does:
   * the failure names the cause.
   * @defaultValue `30000`
   */
  readonly timeoutMs?: number;
  /**
   * A budget for the whole verification, in seconds: once spent, no request is sent to the
   * provider any more, and the interactions left fail as not sent.
   * @defaultValue no limit
   */
  readonly maxTimeSeconds?: number;
  /**
   * Keep the bearer token in the report where the provider's answers echo it; by default it reads
   * `$TOKEN` there, as everywhere this package writes it.
   * @defaultValue `false`
   */
  readonly showToken?: boolean;
  /**
   * Stops the verification.
   * @defaultValue `undefined`
   */
  readonly signal?: AbortSignal;
  /**
   * Called once the options are checked and the provider answered, just before the pacts are
   * replayed (to say what is being verified).
   * @defaultValue `undefined`
   */
  readonly onStart?: (run: VerificationRun) => void;
}

/** What the verification worker receives: the options with every default applied. */
export type VerificationRun = Omit<
  VerifyProviderOptions,
  'signal' | 'onStart' | 'pacts' | 'provider' | 'showToken' | 'maxTimeSeconds'
> & {
  readonly pacts: readonly string[];
  readonly provider: string;
  readonly timeoutMs: number;
};

/** What the verification worker answers. */
export type VerificationWorkerMessage =
  | { readonly kind: 'done'; readonly json: string; readonly stateFailures: StateSetupFailure[] }
  | { readonly kind: 'failed'; readonly message: string };

// setTimeout's (and so AbortSignal.timeout's) largest delay.
const MAX_TIMER_MS = 2_147_483_647;
const MAX_CAPTURED_CHARACTERS = 64 * 1024;
const WORKER_EXIT_GRACE_MS = 2_000;

/**
 * Verifies a provider against pacts: replays each interaction, with its provider state, and
 * reports every interaction as passed or failed with each mismatch's place, expected and actual.
 * Pact's verifier prints its own report to the process's standard output from native code, so it
 * runs in a child process whose output is kept in `report.output` instead. It talks to the
 * provider through a guard (`startProviderGuard`) that bounds each answer's time and size. The
 * bearer token reads `$TOKEN` in the report unless `showToken`, and long texts are cut (4096
 * characters each).
 * @throws UsageError for contradictory options; InputError for an unreadable pact;
 * ConnectionError when the provider (or a pact URL) cannot be reached.
 * @example
 * const report = await verifyProvider({ baseUrl: 'http://127.0.0.1:4010', token: 't', policyId: 'p' });
 * if (!report.passed) console.log(report.interactions.filter((i) => !i.passed));
 */
export async function verifyProvider(options: VerifyProviderOptions): Promise<VerificationReport> {
  const started = performance.now();
  const checked = checkOptions(options);
  const deadline =
    options.maxTimeSeconds === undefined ? Infinity : started + options.maxTimeSeconds * 1000;
  const limit = (): TimeLimit => {
    const left = deadline - performance.now();
    return left < checked.timeoutMs
      ? { ms: Math.max(1, Math.round(left)), byBudget: true }
      : { ms: Math.min(checked.timeoutMs, MAX_TIMER_MS), byBudget: false };
  };
  const run: VerificationRun = { ...checked, pacts: await expandPactFolders(checked.pacts) };
  // Local pact files first: an unreadable one is refused before anything is sent anywhere.
  const [urls, files] = partition(run.pacts, isHttpUrl);
  await Promise.all(files.map((pact) => checkPactSource(pact, run.brokerToken, limit())));
  await Promise.all([
    checkReachable(run.baseUrl, 'the provider', 'baseUrl', limit()),
    run.stateSetupUrl === undefined
      ? Promise.resolve()
      : checkReachable(run.stateSetupUrl, 'the state setup URL', 'stateSetupUrl', limit()),
    run.brokerUrl === undefined
      ? Promise.resolve()
      : checkReachable(run.brokerUrl, 'the Pact Broker', 'brokerUrl', limit()),
    ...urls.map((pact) => checkPactSource(pact, run.brokerToken, limit())),
  ]);
  options.onStart?.(run);
  const guard = await startProviderGuard({
    baseUrl: run.baseUrl,
    timeoutMs: run.timeoutMs,
    deadline,
  });
  let answer: VerificationWorkerMessage;
  try {
    answer = await runWorker({ ...run, baseUrl: guard.url }, options.signal);
  } finally {
    await guard.close();
  }
  const { token } = run;
  const hideToken = token !== undefined && options.showToken !== true;
  if (answer.kind === 'failed') {
    const message = hideToken ? redactSecret(answer.message, token) : answer.message;
    throw new ConnectionError(
      run.baseUrl,
      `the verification could not run: ${message.length > 4096 ? `${message.slice(0, 4096)}...` : message}`,
    );
  }
  const report = parseVerifierResult(answer.json, answer.stateFailures, guard.problems);
  return clipVerificationReport(hideToken ? redactVerificationReport(report, token) : report);
}

/** How long a request may take: the request timeout, or less when the budget has less left. */
interface TimeLimit {
  readonly ms: number;
  readonly byBudget: boolean;
}

function checkOptions(options: VerifyProviderOptions): VerificationRun {
  const {
    signal: _signal,
    onStart: _onStart,
    showToken: _showToken,
    maxTimeSeconds,
    pacts,
    provider,
    timeoutMs,
    ...rest
  } = options;
  checkUrl(options.baseUrl, 'baseUrl');
  if (options.stateSetupUrl !== undefined) checkUrl(options.stateSetupUrl, 'stateSetupUrl');
  if (options.brokerUrl !== undefined) checkUrl(options.brokerUrl, 'brokerUrl');
  if (options.policyId === undefined && options.stateSetupUrl === undefined) {
    throw new OptionError(
      'policyId',
      (name) =>
        `name a device compliance policy that exists on the provider with ${name('policyId')} (or let the provider set states up with ${name('stateSetupUrl')})`,
    );
  }
  if (options.policyId === '') {
    throw new OptionError('policyId', (name) => `${name('policyId')} must not be empty`);
  }
  if (timeoutMs !== undefined && !(timeoutMs >= 1)) {
    throw new OptionError(
      'timeoutMs',
      (name) => `${name('timeoutMs')} must be at least 1 (milliseconds), not ${timeoutMs}`,
    );
  }
  if (maxTimeSeconds !== undefined && !(maxTimeSeconds >= 0)) {
    throw new OptionError(
      'maxTimeSeconds',
      (name) => `${name('maxTimeSeconds')} must not be negative, not ${maxTimeSeconds}`,
    );
  }
  if (options.token !== undefined && !isBearerToken(options.token)) {
    throw new OptionError(
      'token',
      (name) =>
        `${name('token')} must be a bearer token (letters, digits and - . _ ~ + / only, optionally ending in =)`,
    );
  }
  const sources = pacts ?? (options.brokerUrl === undefined ? [DEFAULT_PACT_FILE] : []);
  const hasUrlSource = sources.some(isHttpUrl);
  const brokerOnly: ReadonlyArray<keyof VerifyProviderOptions> = [
    'consumerVersionSelectors',
    'enablePending',
    'includeWipPactsSince',
    'providerBranch',
  ];
  for (const key of brokerOnly) {
    if (options[key] !== undefined && options[key] !== false && options.brokerUrl === undefined) {
      throw new OptionError(
        key,
        (name) =>
          `${name(key)} only applies to pacts from a Pact Broker: give ${name('brokerUrl')} too`,
      );
    }
  }
  if (options.brokerToken !== undefined && options.brokerUrl === undefined && !hasUrlSource) {
    throw new OptionError(
      'brokerToken',
      (name) =>
        `${name('brokerToken')} needs ${name('brokerUrl')} (or a ${name('pacts')} URL on that broker)`,
    );
  }
  if (options.publish === true) {
    if (options.providerVersion === undefined || options.providerVersion === '') {
      throw new OptionError(
        'providerVersion',
        (name) =>
          `${name('publish')} needs ${name('providerVersion')} (e.g. the commit SHA) to publish results for`,
      );
    }
    if (options.brokerUrl === undefined && !hasUrlSource) {
      throw new OptionError(
        'brokerUrl',
        (name) =>
          `${name('publish')} sends results to a Pact Broker: give ${name('brokerUrl')} too`,
      );
    }
  } else if (options.providerVersion !== undefined && options.brokerUrl === undefined) {
    throw new OptionError(
      'providerVersion',
      (name) =>
        `${name('providerVersion')} is used with ${name('publish')} and ${name('brokerUrl')}`,
    );
  }
  if (options.includeWipPactsSince !== undefined && !isDate(options.includeWipPactsSince)) {
    throw new OptionError(
      'includeWipPactsSince',
      (name) =>
        `${name('includeWipPactsSince')} must be a date such as 2025-01-31, not ${JSON.stringify(options.includeWipPactsSince)}`,
    );
  }
  if (sources.length === 0 && options.brokerUrl === undefined) {
    throw new OptionError(
      'pacts',
      (name) => `no pact to verify: give ${name('pacts', 'FILE_OR_URL')} or ${name('brokerUrl')}`,
    );
  }
  return {
    ...rest,
    pacts: sources,
    provider: provider ?? DEFAULT_PROVIDER_NAME,
    timeoutMs: timeoutMs ?? 30_000,
  };
}

function checkUrl(value: string, option: string): void {
  if (!isHttpUrl(value)) {
    throw new OptionError(
      option,
      (name) =>
        `${name(option)} must be an http(s) URL such as http://127.0.0.1:4010, not ${JSON.stringify(value)}`,
    );
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function partition(
  values: readonly string[],
  test: (value: string) => boolean,
): [string[], string[]] {
  return [values.filter(test), values.filter((value) => !test(value))];
}

function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Any HTTP answer will do: it proves something listens there, which is all that is checked. */
async function checkReachable(
  url: string,
  what: string,
  option: string,
  limit: TimeLimit,
): Promise<void> {
  try {
    const response = await request(url, {
      headersTimeout: limit.ms,
      bodyTimeout: limit.ms,
      signal: AbortSignal.timeout(limit.ms),
    });
    await response.body.dump();
  } catch (error) {
    const failure = classify(error);
    const message: OptionMessage = (name) =>
      failure === 'timeout'
        ? `${what} at ${url} did not answer ${within(limit, name)}: is it stuck?`
        : failure === 'closed'
          ? `${what} at ${url} closed the connection without answering (${describe(error, limit, name)}): is it an HTTP server, and is ${name(option)} right?`
          : `cannot reach ${what} at ${url} (${describe(error, limit, name)}): start it, or check ${name(option)}`;
    throw new ConnectionError(url, message, { cause: error, option });
  }
}

async function checkPactSource(
  source: string,
  brokerToken: string | undefined,
  limit: TimeLimit,
): Promise<void> {
  let text: string;
  if (isHttpUrl(source)) {
    let status: number;
    try {
      const response = await request(source, {
        headers: {
          accept: 'application/hal+json, application/json',
          ...(brokerToken === undefined ? {} : { authorization: `Bearer ${brokerToken}` }),
        },
        headersTimeout: limit.ms,
        bodyTimeout: limit.ms,
        signal: AbortSignal.timeout(limit.ms),
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      throw new ConnectionError(
        source,
        (name) => `cannot fetch the pact ${source} (${describe(error, limit, name)})`,
        { cause: error },
      );
    }
    if (status < 200 || status > 299) {
      throw new InputError(source, `cannot fetch the pact ${source}: it answered ${status}`);
    }
  } else {
    try {
      text = await readFile(source, 'utf8');
    } catch (error) {
      throw new InputError(
        source,
        (name) => `cannot read the pact ${source}: ${describe(error, limit, name)}`,
        { cause: error },
      );
    }
  }
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch {
    throw new InputError(source, `the pact ${source} is not JSON`);
  }
  const interactions = (pact as { interactions?: unknown } | null)?.interactions;
  if (!Array.isArray(interactions)) {
    throw new InputError(source, `${source} is not a pact: it has no "interactions" list`);
  }
}

async function runWorker(
  run: VerificationRun,
  signal: AbortSignal | undefined,
): Promise<VerificationWorkerMessage> {
  signal?.throwIfAborted();
  const extension = extname(__filename);
  const worker = join(__dirname, `verificationWorker${extension}`);
  // Under ts-jest or ts-node the worker is TypeScript too; built, it is plain JavaScript.
  const typescript = extension === '.ts';
  const child = fork(worker, [], {
    execArgv: typescript ? ['--require', require.resolve('ts-node/register/transpile-only')] : [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...workerEnvironment(run),
      PACT_DO_NOT_TRACK: 'true',
      ...(typescript ? { TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json') } : {}),
    },
  });
  let captured = '';
  const capture = (chunk: Buffer): void => {
    if (captured.length < MAX_CAPTURED_CHARACTERS) captured += chunk.toString('utf8');
  };
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);
  const abort = (): void => void child.kill();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    return await new Promise<VerificationWorkerMessage>((resolve, reject) => {
      let answer: VerificationWorkerMessage | undefined;
      child.once('message', (message: VerificationWorkerMessage) => {
        answer = message;
        resolve(message);
        // The worker exits by itself once idle; a handle left open must not keep it alive.
        setTimeout(() => child.kill(), WORKER_EXIT_GRACE_MS).unref();
      });
      child.once('error', reject);
      child.once('exit', (code, killedBy) => {
        if (answer !== undefined) resolve(answer);
        else if (signal?.aborted === true) reject(signal.reason);
        else {
          const tail = captured.trim().split('\n').slice(-5).join('\n');
          resolve({
            kind: 'failed',
            message: `the verifier stopped (${killedBy ?? `exit code ${String(code)}`})${tail === '' ? '' : `:\n${tail}`}`,
          });
        }
      });
      child.send(run);
    });
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/**
 * The environment minus the variables that would make Pact's core act on its own: a broker URL
 * adds that broker's pacts, a publish flag publishes. Only the options may ask for either.
 */
function workerEnvironment(run: VerificationRun): NodeJS.ProcessEnv {
  const {
    PACT_BROKER_BASE_URL: _brokerUrl,
    PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: _publish,
    ...rest
  } = process.env;
  return {
    ...rest,
    ...(run.brokerUrl === undefined ? {} : { PACT_BROKER_BASE_URL: run.brokerUrl }),
  };
}

/** A time limit in words: `within 5000 ms (timeoutMs)`, or the budget that cut it short. */
function within(limit: TimeLimit, name: Parameters<OptionMessage>[0]): string {
  return limit.byBudget
    ? `before the ${name('maxTimeSeconds')} budget ran out (${limit.ms} ms were left)`
    : `within ${limit.ms} ms (${name('timeoutMs')})`;
}

function errnoOf(error: unknown): string | undefined {
  // Duck-typed: socket errors may come from another realm, where `instanceof Error` is false.
  const { code, cause } = (error ?? {}) as NodeJS.ErrnoException;
  return typeof code === 'string' ? code : (cause as NodeJS.ErrnoException | undefined)?.code;
}

/** Whether a request failed for lack of time, because the server hung up, or otherwise. */
function classify(error: unknown): 'timeout' | 'closed' | 'other' {
  const { name } = (error ?? {}) as { name?: unknown };
  const errno = errnoOf(error);
  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    errno === 'UND_ERR_HEADERS_TIMEOUT' ||
    errno === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return 'timeout';
  }
  if (errno === 'ECONNRESET' || errno === 'UND_ERR_SOCKET' || errno === 'EPIPE') return 'closed';
  return 'other';
}

function describe(error: unknown, limit: TimeLimit, name: Parameters<OptionMessage>[0]): string {
  if (classify(error) === 'timeout') return `no answer ${within(limit, name)}`;
  const { message } = (error ?? {}) as { message?: unknown };
  const errno = errnoOf(error);
  if (errno === 'ENOENT') return 'no such file';
  if (errno === 'EACCES') return 'permission denied';
  if (errno === 'EISDIR') return 'it is a directory';
  return errno ?? (typeof message === 'string' ? message : String(error));
}
