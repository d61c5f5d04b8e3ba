import { fail, PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';
import { describeResponse } from '../_internals/responseJson';

const CREATED = rule(
  'valid-create-201',
  'failure',
  'contract',
  'Graph docs: Create deviceComplianceUserStatus returns 201 Created; contracts/create-user-status-request.schema.json',
  'a create whose body matches the request schema gets 201 Created',
);

/** A valid create is answered 201. */
export const positiveDataAcceptance: FuzzCheck = {
  name: 'positive_data_acceptance',
  description: 'a valid create gets 201 Created',
  rules: [CREATED],
  kinds: ['create', 'lifecycle'],
  judge({ fuzzCase, main }) {
    if (fuzzCase.kind !== 'create' && fuzzCase.kind !== 'lifecycle') return PASS;
    const { response } = main;
    if (response.kind === 'response' && response.status === 201) return PASS;
    return fail(
      main,
      `a valid create was answered ${describeResponse(response)} instead of 201`,
      CREATED,
    );
  },
};
