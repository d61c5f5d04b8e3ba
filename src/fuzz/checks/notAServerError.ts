import { fail, PASS, type Check } from '../Check';

/** No 5xx, no dropped connection, no timeout, on any request. */
export const notAServerError: Check = {
  name: 'not_a_server_error',
  description: 'no 5xx answer, dropped connection or timeout, whatever is sent',
  judge(outcome) {
    for (const exchange of outcome.exchanges) {
      const { response } = exchange;
      if (response.kind === 'failure') return fail(exchange, `no answer: ${response.message}`);
      if (response.status >= 500)
        return fail(exchange, `answered ${response.status}, a server error`);
    }
    return PASS;
  },
};
