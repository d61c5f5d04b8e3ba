import express, { type Router } from 'express';
import { POLICY_EXISTS, POLICY_MISSING } from 'user-status-contracts/pact';
import { GraphError } from './graphErrors';
import type { UserStatusStore } from './userStatusStore';

/** The state change Pact's verifier posts before (`setup`) and after (`teardown`) an interaction. */
interface StateChange {
  readonly state?: unknown;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly action?: unknown;
}

/**
 * `POST /_pact/provider-states`: puts the app in the state an interaction needs, by the state
 * names the consumer's pact uses (imported, never retyped). The JSON answer gives the verifier
 * the ids the request paths take. Mount it in tests only: it needs no token.
 */
export function providerStatesRouter(store: UserStatusStore): Router {
  const router = express.Router();
  router.post('/', express.json(), (req, res) => {
    const { state, params = {}, action = 'setup' } = (req.body ?? {}) as StateChange;
    if (action === 'teardown') {
      res.json({});
      return;
    }
    switch (state) {
      case POLICY_EXISTS: {
        const policyId = requireString(params, 'policyId');
        store.addPolicy(policyId);
        res.json({ policyId });
        return;
      }
      case POLICY_MISSING: {
        const missingPolicyId = requireString(params, 'missingPolicyId');
        store.removePolicy(missingPolicyId);
        res.json({ missingPolicyId });
        return;
      }
      default:
        throw new GraphError(
          400,
          `Unknown provider state ${JSON.stringify(state)}: add a case for it to providerStates.ts.`,
        );
    }
  });
  return router;
}

function requireString(params: Readonly<Record<string, unknown>>, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '') {
    throw new GraphError(400, `The provider state needs a "${name}" parameter.`);
  }
  return value;
}
