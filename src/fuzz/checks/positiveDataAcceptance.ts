import { fail, PASS, type Check } from '../Check';
import { describeResponse } from '../responseJson';

/** A valid create is answered 201. */
export const positiveDataAcceptance: Check = {
  name: 'positive_data_acceptance',
  description: 'a valid create gets 201 Created',
  kinds: ['create', 'lifecycle'],
  judge({ fuzzCase, main }) {
    if (fuzzCase.kind !== 'create' && fuzzCase.kind !== 'lifecycle') return PASS;
    const { response } = main;
    if (response.kind === 'response' && response.status === 201) return PASS;
    return fail(main, `a valid create was answered ${describeResponse(response)} instead of 201`);
  },
};
