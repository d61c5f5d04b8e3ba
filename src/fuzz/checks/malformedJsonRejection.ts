import type { MalformedJsonLabel } from '../../arbitraries/MalformedJsonBody';
import { fail, PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';
import { judgeRefusal } from '../_internals/judgeRefusal';

const REFUSED = rule(
  'malformed-json-refused',
  'failure',
  'standard',
  'RFC 8259 §2 (JSON grammar); Graph error responses: 400 for a malformed request',
  'a body that is not JSON, or not an acceptable create, is refused, never stored',
);
const STATUS_400 = rule(
  'malformed-json-400',
  'warning',
  'contract',
  'Graph error responses: 400 Bad Request for a malformed request, 413 when too large',
  'malformed JSON is refused with 400 (413 when too large), as Graph does',
);
const UNPREDICTABLE = rule(
  'unpredictable-json-refused',
  'warning',
  'advice',
  'RFC 8259 §8.1 (a receiver MAY ignore a BOM), §8.2 (lone surrogates: unpredictable), §4 (duplicate names: unpredictable)',
  'JSON whose meaning RFC 8259 leaves open is refused with 400',
);
const OVERSIZED = rule(
  'oversized-body-refused',
  'warning',
  'advice',
  'the contract sets no length limit; the toolkit advises a body size limit (413)',
  'a 5 MiB create body is refused with 413 (or 400)',
);

/** Bodies RFC 8259 lets a receiver accept or refuse: accepting one is only a warning. */
const UNPREDICTABLE_LABELS: readonly MalformedJsonLabel[] = [
  'byteOrderMark',
  'loneSurrogate',
  'duplicateKeys',
];

/**
 * Malformed or hostile JSON is answered 400 (or 413 when over the size limit), never 2xx or 5xx.
 * A body whose meaning RFC 8259 leaves open (a byte order mark, a lone surrogate, a duplicate name)
 * or that only breaks the toolkit's advice (a 5 MiB name) may be accepted: that is a warning.
 */
export const malformedJsonRejection: FuzzCheck = {
  name: 'malformed_json_rejection',
  description:
    'malformed or hostile JSON gets 400 (413 if too large), never 2xx or 5xx (bodies RFC 8259 leaves open may be accepted, with a warning)',
  rules: [REFUSED, STATUS_400, UNPREDICTABLE, OVERSIZED],
  kinds: ['malformed'],
  judge({ fuzzCase, main }) {
    if (fuzzCase.kind !== 'malformed') return PASS;
    const { response } = main;
    const what = `a ${fuzzCase.label} body`;
    const lenient = (UNPREDICTABLE_LABELS as readonly string[]).includes(fuzzCase.label)
      ? UNPREDICTABLE
      : fuzzCase.label === 'hugeString'
        ? OVERSIZED
        : undefined;
    if (lenient && response.kind === 'response' && response.status === 201) {
      return fail(main, `${what} was accepted (201); refusing it with 400 is safer`, lenient, {
        keyword: fuzzCase.label,
      });
    }
    return judgeRefusal(main, [400, 413], { refused: REFUSED, status: STATUS_400 }, what, {
      keyword: fuzzCase.label,
    });
  },
};
