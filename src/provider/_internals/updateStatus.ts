import type {
  CreateUserStatusRequestGraphMetadata,
  DeviceComplianceUserStatus,
} from '../../contracts/types.generated';
import { applyUserStatusPatch } from './applyUserStatusPatch';
import { listRequestIssues } from './listRequestIssues';
import type { ResourceRoute } from '../matchRoute';
import type { Exchange } from './Exchange';
import { readJsonBody } from './readJsonBody';

/** Applies a PATCH body that meets the contract and keeps the id to the stored status: 200. */
export function updateStatus(
  exchange: Exchange,
  at: ResourceRoute,
  stored: DeviceComplianceUserStatus,
): void {
  readJsonBody(exchange, (body) => {
    const { config, reply } = exchange;
    const checked = listRequestIssues(body, 'graph-metadata');
    if (checked.issues.length > 0) {
      reply.invalidBody(checked.issues, checked);
      return;
    }
    const patch = body as CreateUserStatusRequestGraphMetadata;
    if (patch.id !== undefined && patch.id !== stored.id) {
      reply.invalidBody([
        {
          path: '/id',
          rule: 'const',
          message: `/id cannot change: it must be ${JSON.stringify(stored.id)} or left out`,
          expected: JSON.stringify(stored.id),
          actual: JSON.stringify(patch.id),
        },
      ]);
      return;
    }
    // Read again: the status may have been deleted or evicted while the body arrived.
    const current = config.store.get(at.policyId, stored.id);
    if (current === undefined) {
      reply.error(404, `The user status ${JSON.stringify(stored.id)} no longer exists.`);
      return;
    }
    const updated = applyUserStatusPatch(current, patch);
    config.store.replace(at.policyId, updated);
    reply.entity(200, at, updated);
  });
}
