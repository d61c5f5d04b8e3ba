import { fail, PASS, type Check } from '../Check';
import { describeResponse, responseJson } from '../responseJson';

/** A missing, malformed or wrong bearer token gets 401, and nothing is created. */
export const ignoredAuth: Check = {
  name: 'ignored_auth',
  description: 'a missing, malformed or wrong bearer token gets 401 and creates nothing',
  kinds: ['auth'],
  judge({ fuzzCase, main, listing }) {
    if (fuzzCase.kind !== 'auth') return PASS;
    const { response } = main;
    if (response.kind !== 'response' || response.status !== 401) {
      return fail(
        main,
        `a create with a ${fuzzCase.variant} bearer token was answered ${describeResponse(response)} instead of 401`,
      );
    }
    if (
      listing !== undefined &&
      listing.response.kind === 'response' &&
      listing.response.status === 200
    ) {
      const items = (responseJson(listing.response)?.value as { value?: unknown } | undefined)
        ?.value;
      if (
        Array.isArray(items) &&
        items.some(
          (item) => (item as { userDisplayName?: unknown })?.userDisplayName === fuzzCase.marker,
        )
      ) {
        return fail(
          main,
          `a create with a ${fuzzCase.variant} bearer token was refused with 401 but the status was stored anyway`,
        );
      }
    }
    return PASS;
  },
};
