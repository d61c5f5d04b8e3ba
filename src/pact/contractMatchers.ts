import type { ContractValue } from '../contracts/ContractValue';
import { contractSchema, type ContractName, type RequestProfile } from '../contracts/registry';
import { assertValid } from '../validator/assertValid';
import type { ValidationOptions } from '../validator/ValidationOptions';
import { matchersFromSchema, type MatcherTree } from './matchersFromSchema';

/**
 * The Pact matcher tree a contract in `contracts/` implies for an example (see
 * `matchersFromSchema`): change the contract and the matchers change with it. The example is
 * checked first, so a pact can never record a value its own contract forbids.
 * @throws ContractViolationError when the example breaks the contract.
 * @example
 * const body = contractMatchers('entity', userStatusFactory.seed(1).build());
 */
export function contractMatchers<C extends ContractName, P extends RequestProfile = 'documented'>(
  contract: C,
  example: ContractValue<C, P>,
  options: ValidationOptions<P> = {},
): MatcherTree {
  assertValid(contract, example, options);
  const root = contractSchema(contract);
  const schema =
    contract === 'request' ? { $ref: `#/$defs/${options.profile ?? 'documented'}` } : root;
  return matchersFromSchema(schema, example, { root });
}
