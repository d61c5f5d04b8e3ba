import { PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';
import { judgeRefusal } from '../_internals/judgeRefusal';
import { describeResponse } from '../_internals/responseJson';

const GONE = rule(
  'deleted-gone',
  'failure',
  'contract',
  'Graph docs: Delete returns 204 No Content; the status no longer exists',
  'after a DELETE answered 204, the status no longer reads back',
);
const STATUS_404 = rule(
  'deleted-404',
  'warning',
  'contract',
  'Graph error responses: 404 Not Found for a resource that does not exist',
  'after a DELETE answered 204, reading the status gets 404',
);

/** After a delete answered 204, the status reads back 404. */
export const useAfterFree: FuzzCheck = {
  name: 'use_after_free',
  description: 'after a DELETE answered 204, the status reads back 404',
  rules: [GONE, STATUS_404],
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
    return judgeRefusal(
      readAfterDelete,
      [404],
      { refused: GONE, status: STATUS_404 },
      'reading a deleted status',
    );
  },
};
