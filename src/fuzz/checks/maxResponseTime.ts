import { fieldName } from '../../errors';
import { REPORT_OPTION_NOTES } from '../_internals/reportOptionNotes';
import { fail, PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';

const LIMIT = rule(
  'max-response-time',
  'failure',
  'option',
  REPORT_OPTION_NOTES.maxResponseTimeLimit(fieldName),
  'every answer arrives within the limit',
);

/** Every answer arrives within `maxResponseTimeMs` milliseconds (opt-in). */
export const maxResponseTime: FuzzCheck = {
  name: 'max_response_time',
  description: REPORT_OPTION_NOTES.maxResponseTimeCheck(fieldName),
  rules: [LIMIT],
  optIn: true,
  judge(outcome, context) {
    const limit = context.maxResponseTimeMs;
    if (limit === undefined) return PASS;
    for (const exchange of outcome.exchanges) {
      if (exchange.response.durationMs > limit) {
        return fail(
          exchange,
          `answered in ${Math.round(exchange.response.durationMs)} ms, over the ${limit} ms limit`,
          LIMIT,
        );
      }
    }
    return PASS;
  },
};
