import { PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';
import { judgeRefusal } from '../_internals/judgeRefusal';

const REFUSED = rule(
  'invalid-body-refused',
  'failure',
  'contract',
  'contracts/create-user-status-request.schema.json (the pointer and keyword it breaks)',
  'a body that breaks the request schema is refused, never stored',
);
const STATUS_400 = rule(
  'invalid-body-400',
  'warning',
  'contract',
  'Graph error responses: 400 for a request its OData reader refuses (another 4xx still refuses it)',
  'an invalid body is refused with 400, as Graph does',
);
const ADVISORY_REFUSED = rule(
  'advisory-body-refused',
  'warning',
  'advice',
  'the toolkit refuses an empty id; Graph assigns the key, and OpenAPI 3.1 lets a server ignore a read-only property',
  "a body that conforms but breaks the toolkit's advice is refused with 400",
);

/** A body that breaks the contract is answered 400, never 2xx. */
export const negativeDataRejection: FuzzCheck = {
  name: 'negative_data_rejection',
  description: 'an invalid body (each labelled violation) gets 400, never 2xx',
  rules: [REFUSED, STATUS_400, ADVISORY_REFUSED],
  kinds: ['invalid'],
  judge({ fuzzCase, main }) {
    if (fuzzCase.kind !== 'invalid') return PASS;
    const { path, rule: keyword, description, advisory } = fuzzCase.violation;
    const rules = advisory
      ? { refused: ADVISORY_REFUSED, status: ADVISORY_REFUSED }
      : { refused: REFUSED, status: STATUS_400 };
    return judgeRefusal(
      main,
      [400],
      rules,
      `a body that breaks ${path || '(root)'} ${keyword} (${description})`,
      { pointer: path, keyword },
    );
  },
};
