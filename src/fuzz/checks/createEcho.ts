import { fail, PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';
import { DATE_PRECISION, judgeEcho } from '../_internals/echoRules';
import { responseJson } from '../_internals/responseJson';

const ASSIGNED_ID = rule(
  'server-assigned-id',
  'failure',
  'contract',
  'contracts/device-compliance-user-status.schema.json#/properties/id (the key, assigned by the service)',
  'a 201 body carries a non-empty id',
);
const ECHO = rule(
  'echo-unchanged',
  'failure',
  'contract',
  'Graph docs: Create returns the created deviceComplianceUserStatus',
  'a 201 body carries every sent property unchanged (date-times as the same instant)',
);
const UNIQUE_ID = rule(
  'unique-id',
  'failure',
  'standard',
  'OData CSDL 4.01 §8.3 (a key identifies one entity)',
  'each create gets an id no earlier create got',
);

/** A 201 carries every sent field unchanged and a non-empty server-assigned id, unique in the run. */
export const createEcho: FuzzCheck = {
  name: 'create_echo',
  description: 'a 201 body carries every sent field unchanged and a new, unique, non-empty id',
  rules: [ASSIGNED_ID, ECHO, DATE_PRECISION, UNIQUE_ID],
  kinds: ['create', 'lifecycle'],
  judge({ fuzzCase, main }, context) {
    if (fuzzCase.kind !== 'create' && fuzzCase.kind !== 'lifecycle') return PASS;
    const { response } = main;
    if (response.kind !== 'response' || response.status !== 201) return PASS;
    const body = responseJson(response)?.value as Record<string, unknown> | undefined;
    const id = body?.['id'];
    if (typeof id !== 'string' || id === '') {
      return fail(
        main,
        `the 201 body has no server-assigned id (found ${JSON.stringify(id)})`,
        ASSIGNED_ID,
        { pointer: '/id' },
      );
    }
    const earlier = context.seenIds.get(id);
    if (earlier !== undefined && earlier !== main.request.body) {
      return fail(
        main,
        `the id ${JSON.stringify(id)} was already assigned to an earlier create`,
        UNIQUE_ID,
        { pointer: '/id' },
      );
    }
    context.seenIds.set(id, main.request.body ?? '');
    return judgeEcho(main, fuzzCase.body, body, ECHO, 'the 201 body does not echo');
  },
};
