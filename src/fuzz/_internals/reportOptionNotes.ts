import type { OptionMessage } from '../../errors';

/**
 * The remarks of a fuzzing report that name options. The report says the option fields
 * (`maxTimeSeconds`), as library callers write them; `reportNamingOptions` renders them otherwise.
 */
export const REPORT_OPTION_NOTES = {
  throttled: (name) =>
    `the server throttled most cases (429, or 503/504 with Retry-After); lower ${name('concurrency')} or set ${name('rateLimit')}`,
  budgetRanOut: (name) => `the time budget (${name('maxTimeSeconds')}) ran out first`,
  serverTooSlow: (name) =>
    `no case finished in time: the server is slower than ${name('maxTimeSeconds')} allows`,
} satisfies Record<string, OptionMessage>;
