import { PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';
import { judgeRefusal } from '../_internals/judgeRefusal';

const REFUSED = rule(
  'non-json-refused',
  'failure',
  'contract',
  'Graph docs: Content-Type application/json is required; Graph answers 415 to another one',
  'a create whose Content-Type is not JSON is refused, never stored',
);
const STATUS_415 = rule(
  'non-json-415',
  'warning',
  'standard',
  'RFC 9110 §15.5.16 (415 for content in a format the server does not support)',
  'a create whose Content-Type is not JSON (or none) gets 415',
);
const MISSING_REFUSED = rule(
  'missing-content-type-refused',
  'warning',
  'standard',
  'RFC 9110 §8.3 (without Content-Type a recipient MAY examine the data); Graph docs require the header',
  'a create without Content-Type is refused with 415',
);

/** A create whose Content-Type is not JSON (or missing) gets 415. */
export const unsupportedMediaType: FuzzCheck = {
  name: 'unsupported_media_type',
  description: 'a create with a Content-Type that is not JSON (or none) gets 415',
  rules: [REFUSED, STATUS_415, MISSING_REFUSED],
  kinds: ['mediaType'],
  judge({ fuzzCase, main }) {
    if (fuzzCase.kind !== 'mediaType') return PASS;
    if (fuzzCase.contentType === undefined) {
      return judgeRefusal(
        main,
        [415],
        { refused: MISSING_REFUSED, status: STATUS_415 },
        'a create with no Content-Type',
        { keyword: 'no Content-Type' },
      );
    }
    return judgeRefusal(
      main,
      [415],
      { refused: REFUSED, status: STATUS_415 },
      `a create with Content-Type ${JSON.stringify(fuzzCase.contentType)}`,
      { keyword: fuzzCase.contentType },
    );
  },
};
