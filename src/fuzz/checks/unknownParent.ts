import { fail, PASS, type Check } from '../Check';
import { describeResponse } from '../responseJson';

/** A create under a policy id that does not exist gets 404. */
export const unknownParent: Check = {
  name: 'unknown_parent',
  description: 'a create under a policy id that does not exist gets 404',
  kinds: ['unknownParent'],
  judge({ fuzzCase, main }) {
    if (fuzzCase.kind !== 'unknownParent') return PASS;
    const { response } = main;
    if (response.kind === 'response' && response.status === 404) return PASS;
    return fail(
      main,
      `a create under the unknown policy ${JSON.stringify(fuzzCase.policyId)} was answered ${describeResponse(response)} instead of 404`,
    );
  },
};
