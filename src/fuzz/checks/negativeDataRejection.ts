import { fail, PASS, type Check } from '../Check';
import { describeResponse } from '../responseJson';

/** A body that breaks the contract is answered 400, never 2xx. */
export const negativeDataRejection: Check = {
  name: 'negative_data_rejection',
  description: 'an invalid body (each labelled violation) gets 400, never 2xx',
  kinds: ['invalid'],
  judge({ fuzzCase, main }) {
    if (fuzzCase.kind !== 'invalid') return PASS;
    const { response } = main;
    if (response.kind === 'response' && response.status === 400) return PASS;
    const { path, rule, description } = fuzzCase.violation;
    return fail(
      main,
      `a body that breaks ${path || '(root)'} ${rule} (${description}) was answered ${describeResponse(response)} instead of 400`,
    );
  },
};
