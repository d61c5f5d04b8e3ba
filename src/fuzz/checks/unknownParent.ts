import { PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';
import { judgeRefusal } from '../_internals/judgeRefusal';

const REFUSED = rule(
  'unknown-parent-refused',
  'failure',
  'contract',
  'Graph docs: statuses are created under an existing deviceCompliancePolicy',
  'a create under a policy id that does not exist is refused, never stored',
);
const STATUS_404 = rule(
  'unknown-parent-404',
  'warning',
  'contract',
  'Graph error responses: 404 Not Found for a resource that does not exist',
  'a create under a policy id that does not exist gets 404',
);

/** A create under a policy id that does not exist gets 404. */
export const unknownParent: FuzzCheck = {
  name: 'unknown_parent',
  description: 'a create under a policy id that does not exist gets 404',
  rules: [REFUSED, STATUS_404],
  kinds: ['unknownParent'],
  judge({ fuzzCase, main }) {
    if (fuzzCase.kind !== 'unknownParent') return PASS;
    return judgeRefusal(
      main,
      [404],
      { refused: REFUSED, status: STATUS_404 },
      `a create under the unknown policy ${JSON.stringify(fuzzCase.policyId)}`,
    );
  },
};
