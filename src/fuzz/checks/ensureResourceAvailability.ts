import { fail, PASS, type Check } from '../Check';
import { compareEcho } from '../compareEcho';
import { describeResponse, responseJson } from '../responseJson';

/** A created status reads back by id with equal fields. */
export const ensureResourceAvailability: Check = {
  name: 'ensure_resource_availability',
  description: 'a created status can be read back by id with equal fields',
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
      );
    }
    const mismatch = compareEcho(fuzzCase.body, responseJson(response)?.value);
    if (mismatch !== undefined) {
      return fail(
        readBack,
        `the status read back differs in ${mismatch.property}: sent ${JSON.stringify(mismatch.sent)}, read ${
          mismatch.received === undefined ? 'nothing' : JSON.stringify(mismatch.received)
        }`,
      );
    }
    return PASS;
  },
};
