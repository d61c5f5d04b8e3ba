import { runVerification } from './runVerification';
import type { VerificationWorkerMessage } from './VerificationWorkerMessage';
import type { VerificationRun } from './VerifyProviderOptions';

// The child process `verifyProvider` forks: it receives one run, answers one message, and exits.
// Pact's native verifier writes its report to this process's standard output, which the parent
// captures instead of letting it reach the user's terminal.
process.once('message', (run: VerificationRun) => {
  runVerification(run)
    .catch((error: unknown): VerificationWorkerMessage => ({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    }))
    .then((answer) => process.send?.(answer, () => process.disconnect()))
    .catch(() => process.disconnect());
});
