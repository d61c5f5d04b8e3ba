import type { CreateUserStatusRequest, DeviceComplianceUserStatus, ODataError } from '../../src';
import {
  contractMatchers,
  createUserStatusInteractions,
  type CreateUserStatusInteraction,
} from '../../src/pact';

// Type-level checks, compiled by `npm run lint` (tsc): each named interaction has its own body and
// response body types, so no cast is needed. An `@ts-expect-error` line that compiles fails the
// type check, so each one proves a type is precise, not merely that the code runs.

const interactions = createUserStatusInteractions();
const { created, createdWithoutNames, invalidBody, unknownPolicy, missingBearer } = interactions;

export const entityMatchers = contractMatchers('entity', created.responseBody);
export const anonymousMatchers = contractMatchers('entity', createdWithoutNames.responseBody);
export const errorMatchers = contractMatchers('error', unknownPolicy.responseBody);
export const sent: CreateUserStatusRequest = missingBearer.body;
export const answered: ODataError = missingBearer.responseBody;
// Still assignable to the general interaction type, as before.
export const general: CreateUserStatusInteraction = invalidBody;

// @ts-expect-error a 404 answers Graph's error envelope, not a user status
export const notAStatus: DeviceComplianceUserStatus = unknownPolicy.responseBody;
// @ts-expect-error a 201 answers a user status, not an error
export const notAnError: ODataError = created.responseBody;
// @ts-expect-error the invalid body breaks the contract on purpose: it is not a create request
export const notARequest: CreateUserStatusRequest = invalidBody.body;
export function entityOfError(): unknown {
  // @ts-expect-error the entity contract does not take an error body
  return contractMatchers('entity', missingBearer.responseBody);
}

describe('the create interactions, by name', () => {
  it('carry the bodies their types say', () => {
    expect(created.responseBody.id).toEqual(expect.any(String));
    expect(created.status).toBe(201);
    expect(unknownPolicy.responseBody.error.code).toBe('ResourceNotFound');
    expect(Object.keys(interactions)).toHaveLength(5);
  });
});
