import { fail, PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';
import { judgeRefusal } from '../_internals/judgeRefusal';
import { responseJson } from '../_internals/responseJson';

const REFUSED = rule(
  'bad-token-refused',
  'failure',
  'contract',
  'Graph docs: Authorization: Bearer {token} is required; Graph error responses: 401 Unauthorized',
  'a create with a missing, malformed or wrong bearer token is refused',
);
const STATUS_401 = rule(
  'bad-token-401',
  'warning',
  'standard',
  'RFC 9110 §15.5.2 (401 for missing or invalid credentials)',
  'a missing, malformed or wrong bearer token gets 401, as Graph answers',
);
const NOTHING_STORED = rule(
  'bad-token-nothing-stored',
  'failure',
  'contract',
  'Graph docs: Authorization is required to create',
  'a refused create stores nothing',
);

/** A missing, malformed or wrong bearer token gets 401, and nothing is created. */
export const ignoredAuth: FuzzCheck = {
  name: 'ignored_auth',
  description: 'a missing, malformed or wrong bearer token gets 401 and creates nothing',
  rules: [REFUSED, STATUS_401, NOTHING_STORED],
  kinds: ['auth'],
  judge({ fuzzCase, main, listing }) {
    if (fuzzCase.kind !== 'auth') return PASS;
    const refusal = judgeRefusal(
      main,
      [401],
      { refused: REFUSED, status: STATUS_401 },
      `a create with a ${fuzzCase.variant} bearer token`,
      { keyword: fuzzCase.variant },
    );
    const { response } = main;
    const refused = response.kind === 'response' && response.status >= 400 && response.status < 500;
    if (refused && listedAnyway(listing, fuzzCase.marker)) {
      return fail(
        main,
        `a create with a ${fuzzCase.variant} bearer token was refused with ${response.status} but the status was stored anyway`,
        NOTHING_STORED,
        { keyword: fuzzCase.variant },
      );
    }
    return refusal;
  },
};

/** Whether the listing taken after the refused create shows the status with the case's marker. */
function listedAnyway(
  listing: Parameters<FuzzCheck['judge']>[0]['listing'],
  marker: string,
): boolean {
  return (listing ?? []).some((page) => {
    if (page.response.kind !== 'response' || page.response.status !== 200) return false;
    const items = (responseJson(page.response)?.value as { value?: unknown } | undefined)?.value;
    return (
      Array.isArray(items) &&
      items.some((item) => (item as { userDisplayName?: unknown })?.userDisplayName === marker)
    );
  });
}
