import type { ContractValue } from '../contracts/ContractValue';
import type { ContractName, RequestProfile } from '../contracts/registry';
import { compiledValidator } from './compiledValidator';
import type { ValidationOptions } from './ValidationOptions';

/**
 * Whether a value satisfies a contract: a type guard that never throws, whatever the input.
 * @example
 * if (check('request', body)) body.devicesCount; // typed as CreateUserStatusRequest
 */
export function check<C extends ContractName, P extends RequestProfile = 'documented'>(
  contract: C,
  value: unknown,
  options?: ValidationOptions<P>,
): value is ContractValue<C, P> {
  // No default `{}`: this runs once per value validated, and the common call passes no options.
  return compiledValidator(contract, options?.profile ?? 'documented', 'first')(value) === true;
}
