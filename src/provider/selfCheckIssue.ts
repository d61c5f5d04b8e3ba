import { listIssues } from '../validator/listIssues';

/** What an outgoing body is meant to be, for the self-check. */
export type ResponseBodyKind = 'entity' | 'collection' | 'error';

/**
 * The first way an outgoing body breaks its contract (the entity, each item of a collection, or
 * Graph's error envelope), as one line; `undefined` when it conforms.
 */
export function selfCheckIssue(kind: ResponseBodyKind, body: unknown): string | undefined {
  if (kind !== 'collection') return firstIssue(kind, body, '');
  const items = (body as { value?: unknown }).value;
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
