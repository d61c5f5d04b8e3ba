import type { ODataError } from '../contracts/types.generated';
import { check } from './check';

/** Whether a value is Microsoft Graph's error envelope. */
export function isODataError(value: unknown): value is ODataError {
  return check('error', value);
}
