import { fail, PASS, type Check } from '../Check';
import { describeResponse } from '../responseJson';

/** After a delete answered 204, the status reads back 404. */
export const useAfterFree: Check = {
  name: 'use_after_free',
  description: 'after a DELETE answered 204, the status reads back 404',
  kinds: ['lifecycle'],
  judge({ fuzzCase, deletion, readAfterDelete }) {
    if (fuzzCase.kind !== 'lifecycle' || deletion === undefined || readAfterDelete === undefined)
      return PASS;
    if (deletion.response.kind !== 'response' || deletion.response.status !== 204) {
      return {
        status: 'skip',
        note: `DELETE was answered ${describeResponse(deletion.response)}, not 204`,
      };
    }
    const { response } = readAfterDelete;
    if (response.kind === 'response' && response.status === 404) return PASS;
    return fail(
      readAfterDelete,
      `a deleted status still reads back: answered ${describeResponse(response)} instead of 404`,
    );
  },
};
