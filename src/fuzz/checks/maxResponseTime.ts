import { fail, PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';

const LIMIT = rule(
  'max-response-time',
  'failure',
  'option',
  '--max-response-time (your limit)',
  'every answer arrives within the limit',
);

/** Every answer arrives within `--max-response-time` milliseconds (opt-in). */
export const maxResponseTime: FuzzCheck = {
  name: 'max_response_time',
  description: 'every answer arrives within --max-response-time milliseconds',
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
