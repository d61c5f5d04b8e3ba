import { fail, PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';

const JSON_CONTENT_TYPE = rule(
  'json-content-type',
  'failure',
  'contract',
  'Graph docs: answers carry Content-Type application/json (OData JSON format)',
  'every answer with a body declares Content-Type application/json',
);

/** Every answer with a body declares `application/json` (parameters such as `odata.metadata` allowed). */
export const contentTypeConformance: FuzzCheck = {
  name: 'content_type_conformance',
  description: 'answers with a body declare Content-Type application/json',
  rules: [JSON_CONTENT_TYPE],
  judge(outcome) {
    for (const exchange of outcome.exchanges) {
      const { response } = exchange;
      if (response.kind !== 'response' || response.body.length === 0) continue;
      const contentType = response.headers['content-type'];
      const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
      if (mediaType !== 'application/json') {
        return fail(
          exchange,
          contentType === undefined
            ? `a ${response.status} answer with a body has no Content-Type (expected application/json)`
            : `a ${response.status} answer declares Content-Type ${JSON.stringify(contentType)} (expected application/json)`,
          JSON_CONTENT_TYPE,
        );
      }
    }
    return PASS;
  },
};
