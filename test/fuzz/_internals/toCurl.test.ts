import { execFileSync } from 'node:child_process';
import { redactToken } from '../../../src/fuzz/_internals/redactToken';
import { toCurl } from '../../../src/fuzz/_internals/toCurl';

describe('toCurl', () => {
  const request = {
    method: 'POST',
    path: "/deviceManagement/deviceCompliancePolicies/p'1/userStatuses",
    headers: { authorization: 'Bearer secret-token', 'content-type': 'application/json' },
    body: `{"userDisplayName":"O'Brien $HOME \`id\`"}`,
  };

  it('leaves a redacted $TOKEN for the shell to expand and shows any other token as it is', () => {
    const redacted = toCurl(redactToken(request, 'secret-token'), {
      baseUrl: 'http://127.0.0.1:4010',
    });
    expect(redacted).toContain('-H "authorization: Bearer $TOKEN"');
    expect(redacted).not.toContain('secret-token');
    expect(toCurl(request, { baseUrl: 'http://127.0.0.1:4010' })).toContain(
      "'authorization: Bearer secret-token'",
    );
  });

  it('keeps a wrong bearer token that a check sent on purpose, so the command reproduces it', () => {
    const wrong = { ...request, headers: { authorization: 'Bearer wrong-secret' } };
    const command = toCurl(redactToken(wrong, 'secret-token'), { baseUrl: 'http://h' });
    expect(command).toContain("'authorization: Bearer wrong-secret'");
    expect(command).not.toContain('$TOKEN');
  });

  it('expands $TOKEN and nothing else when the header line has other shell characters', () => {
    const odd = { ...request, headers: { 'x-note': `"$HOME" \`id\` secret-token!` } };
    const command = toCurl(redactToken(odd, 'secret-token'), { baseUrl: 'http://h' });
    const argv = execFileSync('sh', ['-c', `printf '%s\\n' ${command.replace(/^curl /, '')}`], {
      encoding: 'utf8',
      env: { TOKEN: 'T', HOME: '/home', PATH: process.env['PATH'] ?? '' },
    }).split('\n');
    expect(argv).toContain('x-note: "$HOME" `id` T!');
  });

  it('quotes the URL and body so a POSIX shell passes them through byte for byte', () => {
    const command = toCurl(redactToken(request, 'secret-token'), {
      baseUrl: 'http://127.0.0.1:4010',
    });
    // Let the shell parse the command line and print back the arguments curl would get.
    const argv = execFileSync('sh', ['-c', `printf '%s\\n' ${command.replace(/^curl /, '')}`], {
      encoding: 'utf8',
      env: { TOKEN: 'T', PATH: process.env['PATH'] ?? '' },
    }).split('\n');
    expect(argv).toContain(`http://127.0.0.1:4010${request.path}`);
    expect(argv).toContain(request.body);
    expect(argv).toContain('authorization: Bearer T');
  });

  it("clears curl's default Content-Type when the request had none", () => {
    const bare = { ...request, headers: { authorization: 'Bearer t' } };
    expect(toCurl(bare, { baseUrl: 'http://h' })).toContain("-H 'Content-Type:' --data-binary");
    expect(toCurl(request, { baseUrl: 'http://h' })).not.toContain("'Content-Type:'");
  });

  it('says where the body of a long request is', () => {
    const long = { ...request, body: 'x'.repeat(5000) };
    expect(toCurl(long, { baseUrl: 'http://h' })).toMatch(
      /--data-binary @body\.txt {2}# body\.txt: this finding's request\.body \(5000 characters\)/,
    );
  });
});
