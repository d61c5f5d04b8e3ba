import type { ContractValue } from '../contracts/ContractValue';
import type { ContractName, RequestProfile } from '../contracts/registry';
import { ContractViolationError } from '../errors';
import { listIssues } from './listIssues';
import type { ValidationOptions } from './ValidationOptions';

/**
 * Asserts that a value satisfies a contract; otherwise throws a `ContractViolationError` carrying
 * every issue.
 */
export function assertValid<C extends ContractName, P extends RequestProfile = 'documented'>(
  contract: C,
  value: unknown,
  options: ValidationOptions<P> = {},
): asserts value is ContractValue<C, P> {
  const issues = listIssues(contract, value, options);
  if (issues.length > 0) throw new ContractViolationError(contract, issues);
}
