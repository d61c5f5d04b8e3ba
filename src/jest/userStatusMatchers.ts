import { toBeGraphError } from './toBeGraphError';
import { toBeResilientClient } from './toBeResilientClient';
import { toBeValidCreateUserStatusRequest } from './toBeValidCreateUserStatusRequest';
import { toMatchUserStatusContract } from './toMatchUserStatusContract';

/**
 * The matchers, ready for `expect.extend`.
 *
 * Importing the entry already registers them when a global `expect` exists; call `expect.extend`
 * yourself with `@jest/globals` (without injected globals) or another runner.
 * @example
 * import { expect } from '@jest/globals';
 * import { userStatusMatchers } from 'user-status-contracts/jest';
 * expect.extend(userStatusMatchers);
 */
export const userStatusMatchers = {
  toMatchUserStatusContract,
  toBeValidCreateUserStatusRequest,
  toBeGraphError,
  toBeResilientClient,
};
