import { isNestedDeeperThan } from './isNestedDeeperThan';
import type { Exchange } from './Exchange';
import { readParsedBody } from './readParsedBody';

// State params are echoed with `JSON.stringify`, which recurses: deeper ones are refused first.
const MAX_STATE_PARAMS_DEPTH = 32;
const STATE_CHANGE = { what: 'state change', whenEmpty: {} } as const;

/**
 * `POST /_pact/provider-states` with a Pact state change (`{ state, params: { policyId }, action }`):
 * a setup ensures the policy exists and resets the store; a teardown changes nothing. Answers the
 * params, which Pact can inject into the interaction.
 */
export function providerStateChange(exchange: Exchange): void {
  const { reply } = exchange;
  if (exchange.req.method !== 'POST') {
    reply.error(405, 'Provider states are changed with POST.', { allow: 'POST' });
    return;
  }
  readParsedBody(exchange, STATE_CHANGE, (value) => {
    const change = value as { params?: unknown; action?: unknown } | null;
    const params = typeof change === 'object' && change !== null ? change.params : undefined;
    const policyId =
      typeof params === 'object' && params !== null
        ? (params as { policyId?: unknown }).policyId
        : undefined;
    if (
      typeof change !== 'object' ||
      change === null ||
      Array.isArray(change) ||
      (policyId !== undefined && (typeof policyId !== 'string' || policyId === ''))
    ) {
      reply.error(
        400,
        'A state change is a JSON object { "state", "params": { "policyId": "<non-empty string>" }, "action" }.',
      );
      return;
    }
    if (isNestedDeeperThan(params, MAX_STATE_PARAMS_DEPTH)) {
      reply.error(
        400,
        `A state change's params are nested deeper than ${MAX_STATE_PARAMS_DEPTH} levels; send flat params such as { "policyId": "..." }.`,
      );
      return;
    }
    if (change.action !== 'teardown') exchange.config.applyProviderState(policyId);
    reply.send(200, typeof params === 'object' && params !== null ? params : {}, undefined);
  });
}
