import { userStatusesPath } from '../../contracts/userStatusesPath';
import type { CreateUserStatusRequestGraphMetadata } from '../../contracts/types.generated';
import { listAdvisories } from '../../validator/listAdvisories';
import { listRequestIssues } from './listRequestIssues';
import type { ResourceRoute } from '../matchRoute';
import { toUserStatus } from './toUserStatus';
import type { Exchange } from './Exchange';
import { readJsonBody } from './readJsonBody';

/** Creates a status from a body that meets the request contract (and the toolkit's advice): 201. */
export function createStatus(exchange: Exchange, at: ResourceRoute): void {
  readJsonBody(exchange, (body) => {
    const { config, reply } = exchange;
    const checked = listRequestIssues(body, config.profile);
    // The reference provider follows the toolkit's advice too (an empty id is refused).
    const issues = checked.issues.length > 0 ? checked.issues : listAdvisories(body);
    if (issues.length > 0) {
      reply.invalidBody(issues, checked);
      return;
    }
    const status = toUserStatus(config.nextId(), body as CreateUserStatusRequestGraphMetadata);
    config.store.add(at.policyId, status);
    // Generated ids are URL-safe (hex digits, '-' and '_'): only the policy id needs encoding.
    const location = `${at.version === undefined ? '' : `/${at.version}`}${userStatusesPath(at.policyId)}/${status.id}`;
    reply.entity(201, at, status, { location });
  });
}
