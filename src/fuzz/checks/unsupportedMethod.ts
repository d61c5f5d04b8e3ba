import { fail, PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';
import { judgeRefusal } from '../_internals/judgeRefusal';

const REFUSED = rule(
  'undocumented-method-refused',
  'failure',
  'contract',
  'Graph docs: the resource has list, get, create, update and delete only',
  'a method the resource does not document is refused, never carried out',
);
const STATUS_405 = rule(
  'undocumented-method-405',
  'warning',
  'standard',
  'RFC 9110 §15.5.6 (405 for a method the target resource does not support)',
  'a method the resource does not document gets 405',
);
const ALLOW = rule(
  'allow-header',
  'failure',
  'standard',
  'RFC 9110 §15.5.6 (a 405 MUST carry Allow)',
  'a 405 answer carries an Allow header',
);

/** A method the resource does not document gets 405 with an `Allow` header. */
export const unsupportedMethod: FuzzCheck = {
  name: 'unsupported_method',
  description: 'a method the resource does not document gets 405 with an Allow header',
  rules: [REFUSED, STATUS_405, ALLOW],
  kinds: ['method'],
  judge({ fuzzCase, main }) {
    if (fuzzCase.kind !== 'method') return PASS;
    const { response } = main;
    const what = `${fuzzCase.method} on ${fuzzCase.target === 'collection' ? 'the collection' : 'a status'}`;
    if (response.kind === 'response' && response.status === 405 && !response.headers['allow'])
      return fail(main, `${what} was answered 405 without an Allow header`, ALLOW);
    return judgeRefusal(main, [405], { refused: REFUSED, status: STATUS_405 }, what);
  },
};
