import { listIssues } from '../../validator/listIssues';

// What a listing answer may carry: its context, the link to the next page, and the items.
const COLLECTION_MEMBERS: ReadonlySet<string> = new Set([
  '@odata.context',
  '@odata.nextLink',
  'value',
]);

/** What an outgoing body is meant to be, for the self-check. */
export type ResponseBodyKind = 'entity' | 'collection' | 'error';

/**
 * The first way an outgoing body breaks its contract (the entity; a collection's members, its
 * `@odata.nextLink` and each of its items; or Graph's error envelope), as one line; `undefined`
 * when it conforms.
 */
export function selfCheckIssue(kind: ResponseBodyKind, body: unknown): string | undefined {
  if (kind !== 'collection') return firstIssue(kind, body, '');
  for (const key of Object.keys(body as object)) {
    if (!COLLECTION_MEMBERS.has(key)) {
      return `/${key} additionalProperties: a collection carries only ${[...COLLECTION_MEMBERS].join(', ')}`;
    }
  }
  const { value: items, '@odata.nextLink': nextLink } = body as {
    value?: unknown;
    '@odata.nextLink'?: unknown;
  };
  if (nextLink !== undefined && typeof nextLink !== 'string') {
    return '/@odata.nextLink type: a next link must be a string';
  }
  if (!Array.isArray(items)) return '/value type: a collection must carry a "value" array';
  for (let index = 0; index < items.length; index++) {
    const issue = firstIssue('entity', items[index], `/value/${index}`);
    if (issue !== undefined) return issue;
  }
  return undefined;
}

function firstIssue(contract: 'entity' | 'error', value: unknown, at: string): string | undefined {
  const issue = listIssues(contract, value)[0];
  if (issue === undefined) return undefined;
  return `${at}${issue.path || (at === '' ? '(root)' : '')} ${issue.rule}: ${issue.message}`;
}
