import { redactToken } from '../../../src/fuzz/_internals/redactToken';

describe('redactToken', () => {
  const request = {
    method: 'POST',
    path: '/deviceManagement/deviceCompliancePolicies/p/userStatuses',
    headers: { authorization: 'Bearer secret-token', 'x-echo': 'secret-token, again secret-token' },
    body: '{}',
  };

  it('replaces every occurrence of the token in the headers with $TOKEN', () => {
    expect(redactToken(request, 'secret-token').headers).toEqual({
      authorization: 'Bearer $TOKEN',
      'x-echo': '$TOKEN, again $TOKEN',
    });
  });

  it('leaves other bearer tokens, the body and the original request alone', () => {
    const wrong = { ...request, headers: { authorization: 'Bearer wrong-token' } };
    expect(redactToken(wrong, 'secret-token').headers).toEqual({
      authorization: 'Bearer wrong-token',
    });
    expect(redactToken(request, 'secret-token').body).toBe('{}');
    expect(request.headers.authorization).toBe('Bearer secret-token');
  });

  it('changes nothing for an empty token', () => {
    expect(redactToken(request, '')).toBe(request);
  });
});
