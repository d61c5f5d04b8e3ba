import { fail, PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';
import { DATE_PRECISION, judgeEcho } from '../_internals/echoRules';
import { describeResponse, responseJson } from '../_internals/responseJson';

const READ_BACK = rule(
  'read-back-200',
  'failure',
  'contract',
  'Graph docs: Get deviceComplianceUserStatus returns 200 OK and the status',
  'a created status reads back by id with 200',
);
const READ_EQUAL = rule(
  'read-back-equal',
  'failure',
  'contract',
  'Graph docs: Get returns the stored deviceComplianceUserStatus',
  'the status read back carries every sent property unchanged (date-times as the same instant)',
);

/** A created status reads back by id with equal fields. */
export const ensureResourceAvailability: FuzzCheck = {
  name: 'ensure_resource_availability',
  description: 'a created status can be read back by id with equal fields',
  rules: [READ_BACK, READ_EQUAL, DATE_PRECISION],
  kinds: ['create'],
  judge({ fuzzCase, readBack }) {
    if (fuzzCase.kind !== 'create' || readBack === undefined) return PASS;
    const { response } = readBack;
    if (response.kind === 'response' && (response.status === 405 || response.status === 501)) {
      return { status: 'skip', note: `the server has no GET by id (answered ${response.status})` };
    }
    if (response.kind !== 'response' || response.status !== 200) {
      return fail(
        readBack,
        `reading a created status back was answered ${describeResponse(response)} instead of 200`,
        READ_BACK,
      );
    }
    return judgeEcho(
      readBack,
      fuzzCase.body,
      responseJson(response)?.value,
      READ_EQUAL,
      'the status read back differs in',
    );
  },
};
