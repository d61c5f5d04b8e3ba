import { fail, PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';

// Graph's documented success codes per method, plus the error codes its error page lists.
const ERRORS = [400, 401, 403, 404, 405, 406, 409, 411, 413, 415, 422, 429, 500, 503, 504];
const DOCUMENTED: Readonly<Record<string, readonly number[]>> = {
  POST: [201, ...ERRORS],
  GET: [200, ...ERRORS],
  PATCH: [200, ...ERRORS],
  DELETE: [204, ...ERRORS],
};

const DOCUMENTED_STATUS = rule(
  'documented-status',
  'failure',
  'contract',
  'Graph docs: create 201, get and list 200, update 200, delete 204; the codes of "Microsoft Graph error responses"',
  'every answer uses a status code the operation documents',
);

/** Every answer uses a status code the operation documents (201 for a create, never 200 or 3xx). */
export const statusCodeConformance: FuzzCheck = {
  name: 'status_code_conformance',
  description:
    'only documented status codes (201 create, 200 read/update, 204 delete, Graph error codes)',
  rules: [DOCUMENTED_STATUS],
  judge(outcome) {
    for (const exchange of outcome.exchanges) {
      const { request, response } = exchange;
      if (response.kind !== 'response') continue;
      const allowed = DOCUMENTED[request.method] ?? ERRORS;
      if (!allowed.includes(response.status)) {
        return fail(
          exchange,
          `${request.method} answered ${response.status}, which is not documented (expected one of ${allowed.join(', ')})`,
          DOCUMENTED_STATUS,
        );
      }
    }
    return PASS;
  },
};
