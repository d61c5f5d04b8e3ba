import { listIssues } from '../../validator/listIssues';
import { fail, PASS, type FuzzCheck } from '../FuzzCheck';
import { rule } from '../CheckRule';
import { responseJson } from '../_internals/responseJson';

const ENTITY_SCHEMA = rule(
  'entity-schema',
  'failure',
  'contract',
  'contracts/device-compliance-user-status.schema.json',
  '201 and 200 bodies (each item of a listing too) match the entity schema',
);
const ERROR_SCHEMA = rule(
  'error-schema',
  'failure',
  'contract',
  'contracts/odata-error.schema.json (Graph error responses)',
  "error bodies match Graph's error envelope",
);
const JSON_BODY = rule(
  'json-body',
  'failure',
  'contract',
  'Graph docs: entities and errors are JSON',
  'a 2xx or error body is JSON',
);
const READABLE_SIZE = rule(
  'readable-size',
  'warning',
  'advice',
  'the fuzzer reads at most 8 MiB of an answer',
  'an answer is small enough to be read whole and judged',
);

/** 2xx bodies match the entity contract (each item of a listing too); error bodies match Graph's envelope. */
export const responseSchemaConformance: FuzzCheck = {
  name: 'response_schema_conformance',
  description: '201/200 bodies match the entity schema; error bodies match the OData error schema',
  rules: [ENTITY_SCHEMA, ERROR_SCHEMA, JSON_BODY, READABLE_SIZE],
  judge(outcome) {
    for (const exchange of outcome.exchanges) {
      const { response, request } = exchange;
      if (response.kind !== 'response' || response.status === 204) continue;
      const isError = response.status >= 400;
      if (!isError && (response.status < 200 || response.status >= 300)) continue;
      // A body past the reading limit cannot be judged: said so, never passed in silence.
      if (response.truncated) {
        return fail(
          exchange,
          `a ${response.status} answer's body is over the reading limit (${response.body.length} characters read), so it was not judged`,
          READABLE_SIZE,
        );
      }
      const parsed = responseJson(response);
      if (parsed === undefined) {
        if (response.status === 405 && response.body === '') continue;
        return fail(exchange, `a ${response.status} answer's body is not JSON`, JSON_BODY);
      }
      const isListing = request.method === 'GET' && /\/userStatuses(\?.*)?$/.test(request.path);
      const issues = isError
        ? listIssues('error', parsed.value)
        : isListing
          ? listingIssues(parsed.value)
          : listIssues('entity', parsed.value);
      const first = issues[0];
      if (first !== undefined) {
        const schema = isError ? 'the OData error schema' : 'the entity schema';
        return fail(
          exchange,
          `a ${response.status} body breaks ${schema}: ${first.path || '(root)'} ${first.rule}: ${first.message}` +
            (issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''),
          isError ? ERROR_SCHEMA : ENTITY_SCHEMA,
          { pointer: first.path, keyword: first.rule },
        );
      }
    }
    return PASS;
  },
};

function listingIssues(value: unknown): ReturnType<typeof listIssues> {
  const items = (value as { value?: unknown } | null)?.value;
  if (!Array.isArray(items)) {
    return [
      {
        path: '/value',
        rule: 'type',
        message: 'a listing must carry a "value" array',
        expected: 'array',
        actual: typeof items,
      },
    ];
  }
  for (const [index, item] of items.entries()) {
    const issues = listIssues('entity', item);
    if (issues.length > 0)
      return issues.map((issue) => ({ ...issue, path: `/value/${index}${issue.path}` }));
  }
  return [];
}
