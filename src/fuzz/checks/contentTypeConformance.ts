import { fail, PASS, type Check } from '../Check';

/** Every answer with a body declares `application/json` (parameters such as `odata.metadata` allowed). */
export const contentTypeConformance: Check = {
  name: 'content_type_conformance',
  description: 'answers with a body declare Content-Type application/json',
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
        );
      }
    }
    return PASS;
  },
};
