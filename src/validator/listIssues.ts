import type { ContractName } from '../contracts/registry';
import { compiledValidator } from './compiledValidator';
import { toValidationIssues } from './toValidationIssues';
import type { ValidationIssue } from '../contracts/ValidationIssue';
import type { ValidationOptions } from './ValidationOptions';

/** Every way a value breaks a contract, pinpointed; an empty list means the value is valid. */
export function listIssues(
  contract: ContractName,
  value: unknown,
  options: ValidationOptions = {},
): ValidationIssue[] {
  const profile = options.profile ?? 'documented';
  // The fast validator answers the common, valid case; the collecting one runs only on failure.
  if (compiledValidator(contract, profile, 'first')(value) === true) return [];
  const collect = compiledValidator(contract, profile, 'all');
  collect(value);
  return toValidationIssues(collect.errors ?? []);
}
