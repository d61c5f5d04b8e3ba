import { listIssues } from '../../validator/listIssues';
import { fail, PASS, type Check } from '../Check';
import { responseJson } from '../responseJson';

/** 2xx bodies match the entity contract (each item of a listing too); error bodies match Graph's envelope. */
export const responseSchemaConformance: Check = {
  name: 'response_schema_conformance',
  description: '201/200 bodies match the entity schema; error bodies match the OData error schema',
  judge(outcome) {
    for (const exchange of outcome.exchanges) {
      const { response, request } = exchange;
      if (response.kind !== 'response' || response.status === 204) continue;
      const isError = response.status >= 400;
      if (!isError && (response.status < 200 || response.status >= 300)) continue;
      // A body past the reading limit cannot be judged (and is not the server's fault).
      if (response.truncated) continue;
      const parsed = responseJson(response);
      if (parsed === undefined) {
        if (response.status === 405 && response.body === '') continue;
        return fail(exchange, `a ${response.status} answer's body is not JSON`);
      }
      const isListing = request.method === 'GET' && /\/userStatuses$/.test(request.path);
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
