import { redactSecret } from '../src/redactSecret';

describe('redactSecret', () => {
  it('replaces a token everywhere, also JSON-escaped and percent-encoded', () => {
    const token = 'eyJ0eXAi.abc/def+ghi==';
    const text = `Bearer ${token}; {"auth":"eyJ0eXAi.abc\\/def+ghi=="}; ?t=${encodeURIComponent(token)}; x${token}x`;
    expect(redactSecret(text, token)).toBe('Bearer $TOKEN; {"auth":"$TOKEN"}; ?t=$TOKEN; x$TOKENx');
  });

  it('replaces a short token only where no letter or digit touches it', () => {
    expect(redactSecret('expected t, got "Bearer t" (t)', 't')).toBe(
      'expected $TOKEN, got "Bearer $TOKEN" ($TOKEN)',
    );
    expect(redactSecret('attest 42', '42')).toBe('attest $TOKEN');
  });

  it('inserts the placeholder literally, and leaves text alone for an empty secret', () => {
    expect(redactSecret('a secret-token-1 b', 'secret-token-1', "$&$'")).toBe("a $&$' b");
    expect(redactSecret('abc', '')).toBe('abc');
  });
});
