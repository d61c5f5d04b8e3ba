import type { StateSetupFailure } from './VerificationReport';

/** What the verification worker answers. */
export type VerificationWorkerMessage =
  | { readonly kind: 'done'; readonly json: string; readonly stateFailures: StateSetupFailure[] }
  | { readonly kind: 'failed'; readonly message: string };
