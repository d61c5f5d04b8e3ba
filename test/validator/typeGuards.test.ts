import { check } from '../../src/validator/check';
import { isCreateUserStatusRequest } from '../../src/validator/isCreateUserStatusRequest';
import { isODataError } from '../../src/validator/isODataError';
import { isUserStatus } from '../../src/validator/isUserStatus';

// These tests narrow `unknown` and then use the narrowed type: `tsc --noEmit` over test/ fails if a
// guard stops narrowing, and jest fails if it answers wrongly.

const BODY: unknown = {
  userDisplayName: null,
  devicesCount: 0,
  status: 'notAssigned',
  lastReportedDateTime: '9999-12-31T23:59:59.9999999Z',
  userPrincipalName: null,
};
const ENTITY: unknown = { ...(BODY as object), id: 'a_b_c' };
const ERROR: unknown = {
  error: {
    code: 'NotFound',
    message: 'no such policy',
    innerError: { date: '2021-09-02T21:52:54', 'request-id': 'r' },
  },
};

describe('type guards', () => {
  it('isUserStatus accepts an entity and narrows it to DeviceComplianceUserStatus', () => {
    expect(isUserStatus(ENTITY)).toBe(true);
    if (!isUserStatus(ENTITY)) return;
    const id: string = ENTITY.id;
    const name: string | null = ENTITY.userDisplayName;
    expect([id, name]).toEqual(['a_b_c', null]);
  });

  it('isUserStatus rejects a create body, which has no id', () => {
    expect(isUserStatus(BODY)).toBe(false);
  });

  it('isCreateUserStatusRequest accepts a body and narrows it', () => {
    expect(isCreateUserStatusRequest(BODY)).toBe(true);
    if (!isCreateUserStatusRequest(BODY)) return;
    const count: number = BODY.devicesCount;
    expect(count).toBe(0);
  });

  it('isCreateUserStatusRequest rejects a partial body (documented profile)', () => {
    expect(isCreateUserStatusRequest({ status: 'error' })).toBe(false);
  });

  it('isODataError accepts the error envelope and narrows it', () => {
    expect(isODataError(ERROR)).toBe(true);
    if (!isODataError(ERROR)) return;
    const requestId: string = ERROR.error.innerError['request-id'];
    expect(requestId).toBe('r');
  });

  it('isODataError rejects an entity', () => {
    expect(isODataError(ENTITY)).toBe(false);
  });

  it('check narrows to the profile it is given', () => {
    const partial: unknown = { status: 'error' };
    expect(check('request', partial, { profile: 'graph-metadata' })).toBe(true);
    if (!check('request', partial, { profile: 'graph-metadata' })) return;
    const count: number | undefined = partial.devicesCount;
    // @ts-expect-error under graph-metadata devicesCount may be absent
    const required: number = partial.devicesCount;
    expect([count, required]).toEqual([undefined, undefined]);
  });

  it('check with the default profile narrows to the documented body', () => {
    expect(check('request', BODY)).toBe(true);
    if (!check('request', BODY)) return;
    const count: number = BODY.devicesCount;
    expect(count).toBe(0);
  });
});
