import { fail, PASS, type Check } from '../Check';
import { describeResponse } from '../responseJson';

/**
 * Malformed or hostile JSON is answered 400 (or 413 when over the size limit), never 2xx or 5xx.
 * One exception: RFC 8259 lets a parser ignore a leading byte order mark, so a server may also
 * answer such a body as it answers the same body without the mark (201 for a valid create).
 */
export const malformedJsonRejection: Check = {
  name: 'malformed_json_rejection',
  description:
    'malformed or hostile JSON gets 400 (413 if too large), never 2xx or 5xx (a leading byte order mark may be ignored)',
  kinds: ['malformed'],
  judge({ fuzzCase, main }) {
    if (fuzzCase.kind !== 'malformed') return PASS;
    const { response } = main;
    if (response.kind === 'response' && (response.status === 400 || response.status === 413))
      return PASS;
    if (
      fuzzCase.label === 'byteOrderMark' &&
      response.kind === 'response' &&
      response.status === 201
    )
      return PASS;
    return fail(
      main,
      `a ${fuzzCase.label} body was answered ${describeResponse(response)} instead of 400`,
    );
  },
};
