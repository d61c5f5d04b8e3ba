import { fail, PASS, type Check } from '../Check';
import { describeResponse } from '../responseJson';

/** A method the resource does not document gets 405 with an `Allow` header. */
export const unsupportedMethod: Check = {
  name: 'unsupported_method',
  description: 'a method the resource does not document gets 405 with an Allow header',
  kinds: ['method'],
  judge({ fuzzCase, main }) {
    if (fuzzCase.kind !== 'method') return PASS;
    const { response } = main;
    const where = fuzzCase.target === 'collection' ? 'the collection' : 'a status';
    if (response.kind !== 'response' || response.status !== 405) {
      return fail(
        main,
        `${fuzzCase.method} on ${where} was answered ${describeResponse(response)} instead of 405`,
      );
    }
    if (!response.headers['allow'])
      return fail(main, `${fuzzCase.method} on ${where} was answered 405 without an Allow header`);
    return PASS;
  },
};
