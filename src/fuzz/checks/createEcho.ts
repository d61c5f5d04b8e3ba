import { fail, PASS, type Check } from '../Check';
import { compareEcho } from '../compareEcho';
import { responseJson } from '../responseJson';

/** A 201 carries every sent field unchanged and a non-empty server-assigned id, unique in the run. */
export const createEcho: Check = {
  name: 'create_echo',
  description: 'a 201 body carries every sent field unchanged and a new, unique, non-empty id',
  kinds: ['create', 'lifecycle'],
  judge({ fuzzCase, main }, context) {
    if (fuzzCase.kind !== 'create' && fuzzCase.kind !== 'lifecycle') return PASS;
    const { response } = main;
    if (response.kind !== 'response' || response.status !== 201) return PASS;
    const body = responseJson(response)?.value as Record<string, unknown> | undefined;
    const id = body?.['id'];
    if (typeof id !== 'string' || id === '') {
      return fail(main, `the 201 body has no server-assigned id (found ${JSON.stringify(id)})`);
    }
    const mismatch = compareEcho(fuzzCase.body, body);
    if (mismatch !== undefined) {
      return fail(
        main,
        `the 201 body does not echo ${mismatch.property}: sent ${JSON.stringify(mismatch.sent)}, got ${
          mismatch.received === undefined ? 'nothing' : JSON.stringify(mismatch.received)
        }`,
      );
    }
    const earlier = context.seenIds.get(id);
    if (earlier !== undefined && earlier !== main.request.body) {
      return fail(main, `the id ${JSON.stringify(id)} was already assigned to an earlier create`);
    }
    context.seenIds.set(id, main.request.body ?? '');
    return PASS;
  },
};
