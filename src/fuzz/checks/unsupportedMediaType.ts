import { fail, PASS, type Check } from '../Check';
import { describeResponse } from '../responseJson';

/** A create whose Content-Type is not JSON (or missing) gets 415. */
export const unsupportedMediaType: Check = {
  name: 'unsupported_media_type',
  description: 'a create with a Content-Type that is not JSON (or none) gets 415',
  kinds: ['mediaType'],
  judge({ fuzzCase, main }) {
    if (fuzzCase.kind !== 'mediaType') return PASS;
    const { response } = main;
    if (response.kind === 'response' && response.status === 415) return PASS;
    const sent =
      fuzzCase.contentType === undefined
        ? 'no Content-Type'
        : `Content-Type ${JSON.stringify(fuzzCase.contentType)}`;
    return fail(
      main,
      `a create with ${sent} was answered ${describeResponse(response)} instead of 415`,
    );
  },
};
