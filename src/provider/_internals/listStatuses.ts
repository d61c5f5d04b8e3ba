import { DEFAULT_PAGE_SIZE, MAX_PAGE_BYTES } from '../defaults';
import type { ResourceRoute } from '../matchRoute';
import { nextPageLink } from './nextPageLink';
import { odataContextUrl } from './odataContextUrl';
import { parseListQuery } from './parseListQuery';
import { requestOrigin } from './requestOrigin';
import type { Exchange } from './Exchange';

/**
 * A page of the policy's statuses, oldest first: `$top` of them (default 100, at most 1000) and at
 * most 8 MiB, with an `@odata.nextLink` to the next page when there is one, as Graph pages.
 */
export function listStatuses(exchange: Exchange, at: ResourceRoute): void {
  const { req, config, reply } = exchange;
  const query = parseListQuery(req.url ?? '');
  if (!query.ok) {
    reply.error(400, query.message);
    return;
  }
  const page = config.store.page(at.policyId, {
    top: query.top ?? DEFAULT_PAGE_SIZE,
    maxBytes: MAX_PAGE_BYTES,
    ...(query.after === undefined ? {} : { after: query.after }),
  });
  reply.send(
    200,
    {
      '@odata.context': odataContextUrl(at.version, at.policyId, 'collection'),
      ...(page.next === undefined
        ? {}
        : { '@odata.nextLink': nextPageLink(requestOrigin(req), at, query.top, page.next) }),
      value: page.statuses,
    },
    'collection',
  );
}
