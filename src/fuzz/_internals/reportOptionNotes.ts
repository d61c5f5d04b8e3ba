import type { OptionMessage } from '../../errors';

/**
 * The texts of a fuzzing report that name options: remarks on the run, and what the checks that
 * depend on an option say of it. The report says the option fields (`maxTimeSeconds`), as library
 * callers write them; `reportNamingOptions` renders them otherwise.
 */
export const REPORT_OPTION_NOTES = {
  throttled: (name) =>
    `the server throttled most cases (429, or 503/504 with Retry-After); lower ${name('concurrency')} or set ${name('rateLimit')}`,
  budgetRanOut: (name) => `the time budget (${name('maxTimeSeconds')}) ran out first`,
  serverTooSlow: (name) =>
    `no case finished in time: the server is slower than ${name('maxTimeSeconds')} allows`,
  maxResponseTimeLimit: (name) => `${name('maxResponseTimeMs')} (your limit)`,
  maxResponseTimeCheck: (name) =>
    `every answer arrives within ${name('maxResponseTimeMs')} milliseconds`,
  answeredInTime: (name) =>
    `every request gets a complete answer within ${name('requestTimeoutMs')}`,
} satisfies Record<string, OptionMessage>;
