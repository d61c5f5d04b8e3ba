import type { CreateUserStatusRequest } from '../contracts/types.generated';
import { check } from './check';

/** Whether a value is a valid create body under the `documented` profile. */
export function isCreateUserStatusRequest(value: unknown): value is CreateUserStatusRequest {
  return check('request', value);
}
