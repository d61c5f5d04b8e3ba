import { fieldName } from '../../errors';
import { REPORT_OPTION_NOTES } from '../_internals/reportOptionNotes';
import { fail, PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';

const ANSWERED = rule(
  'answered',
  'failure',
  'standard',
  'RFC 9110 §15 (a server answers every request it reads)',
  REPORT_OPTION_NOTES.answeredInTime(fieldName),
);
const NO_5XX = rule(
  'no-5xx',
  'failure',
  'standard',
  'RFC 9110 §15.6 (5xx: the server failed to fulfil the request)',
  'no request, however wrong, makes the server fail with a 5xx',
);

/** No 5xx, no dropped connection, no timeout, on any request. */
export const notAServerError: FuzzCheck = {
  name: 'not_a_server_error',
  description: 'no 5xx answer, dropped connection or timeout, whatever is sent',
  rules: [ANSWERED, NO_5XX],
  judge(outcome) {
    for (const exchange of outcome.exchanges) {
      const { response } = exchange;
      if (response.kind === 'failure')
        return fail(exchange, `no answer: ${response.message}`, ANSWERED);
      if (response.status >= 500)
        return fail(exchange, `answered ${response.status}, a server error`, NO_5XX);
    }
    return PASS;
  },
};
