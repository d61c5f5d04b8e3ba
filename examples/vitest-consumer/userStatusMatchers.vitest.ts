import { createUserStatusRequestFactory, userStatusFactory } from 'user-status-contracts';
import { userStatusMatchers } from 'user-status-contracts/vitest';
import { describe, expect, it, vi } from 'vitest';

// Vitest without globals: register the matchers on Vitest's own expect. Importing the entry is all
// the typing needs, the asymmetric forms (`expect.toMatchUserStatusContract()`) included.
expect.extend(userStatusMatchers);

describe('the user status matchers under Vitest', () => {
  it('pass a status and a create body that keep the contract', () => {
    expect(userStatusFactory.nonCompliant().build()).toMatchUserStatusContract();
    expect(createUserStatusRequestFactory.anonymous().build()).toBeValidCreateUserStatusRequest();
    expect({ status: 'compliant' }).toBeValidCreateUserStatusRequest({ profile: 'graph-metadata' });
  });

  it('fail with the JSON pointer, rule and allowed values', () => {
    const broken = { ...userStatusFactory.build(), status: 'Compliant' };
    expect(() => expect(broken).toMatchUserStatusContract()).toThrow(
      /\/status enum: \/status must be one of .*"compliant".*found "Compliant"/,
    );
    expect(() => expect(userStatusFactory.build()).not.toMatchUserStatusContract()).toThrow();
  });

  it('read a fetch Response, awaited', async () => {
    const created = new Response(JSON.stringify(userStatusFactory.build()), {
      status: 201,
      headers: { 'content-type': 'application/json' },
    });
    await expect(created).toMatchUserStatusContract();
    const refused = new Response(
      JSON.stringify({
        error: {
          code: 'InvalidAuthenticationToken',
          message: 'Access token is empty.',
          innerError: { date: '2026-01-01T00:00:00', 'request-id': 'r-1' },
        },
      }),
      { status: 401, headers: { 'content-type': 'application/json' } },
    );
    await expect(refused).toBeGraphError(401);
  });

  it('work inside other assertions (asymmetric)', () => {
    const send = vi.fn();
    send(createUserStatusRequestFactory.build());
    expect(send).toHaveBeenCalledWith(expect.toBeValidCreateUserStatusRequest());
    expect({ value: [userStatusFactory.build()] }).toEqual({
      value: [expect.toMatchUserStatusContract()],
    });
    expect([{ id: '' }]).toEqual([expect.not.toMatchUserStatusContract()]);
  });
});
