import { fork } from 'node:child_process';
import { extname, join } from 'node:path';
import type { VerificationWorkerMessage } from '../VerificationWorkerMessage';
import type { VerificationRun } from '../VerifyProviderOptions';

const MAX_CAPTURED_CHARACTERS = 64 * 1024;
const WORKER_EXIT_GRACE_MS = 2_000;

/**
 * Runs the verification in a child process (Pact's verifier prints to the process's standard
 * output from native code) and resolves to its answer; a worker that dies without one answers
 * `failed` with the last lines it printed. `signal` kills it.
 */
export async function runVerificationWorker(
  run: VerificationRun,
  signal: AbortSignal | undefined,
): Promise<VerificationWorkerMessage> {
  signal?.throwIfAborted();
  const extension = extname(__filename);
  // The worker sits beside verifyProvider, one folder up from here.
  const worker = join(__dirname, '..', `verificationWorker${extension}`);
  // Under ts-jest or ts-node the worker is TypeScript too; built, it is plain JavaScript.
  const typescript = extension === '.ts';
  const child = fork(worker, [], {
    execArgv: typescript ? ['--require', require.resolve('ts-node/register/transpile-only')] : [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...workerEnvironment(run),
      PACT_DO_NOT_TRACK: 'true',
      ...(typescript
        ? { TS_NODE_PROJECT: join(__dirname, '..', '..', '..', 'tsconfig.json') }
        : {}),
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
