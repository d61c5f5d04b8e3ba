import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { BUILT_BIN } from '../helpers/builtBin';

// The one-line hint that docs/install.md shows.
// The built CLI, in a process where Pact and the comparator cannot be found (as in a project that
// installed the package without its optional peers): the verbs that need one say in one line how
// to add it and exit 2; the others, and --help, work as before.

const ROOT = join(__dirname, '..', '..');
const HIDE_PEERS = `
  const Module = require('node:module');
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    if (/^@pact-foundation\\/pact(\\/|$)|^@pactflow\\//.test(request)) {
      throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
    }
    return resolve.call(this, request, ...rest);
  };
`;

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a script (after hiding the peers when asked) in a fresh Node process. */
function node(script: string, args: readonly string[], hidePeers: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['-e', `${hidePeers ? HIDE_PEERS : ''}\n${script}`, '--', ...args],
      { cwd: ROOT, env: { ...process.env, PACT_DO_NOT_TRACK: 'true' }, timeout: 60_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

/** The built bin, its argv shaped as when run directly. */
function cli(args: readonly string[], hidePeers = true): Promise<Outcome> {
  const main = JSON.stringify(join(ROOT, BUILT_BIN));
  return node(`process.argv.splice(1, 0, ${main}); require(${main});`, args, hidePeers);
}

const PACT_HINT = (verb: string): RegExp =>
  new RegExp(
    `^error: ${verb} needs @pact-foundation/pact, which is not installed: npm install --save-dev @pact-foundation/pact@\\^16\\.\\d+\\.\\d+\\n$`,
  );

describe('the CLI without its optional peers', () => {
  it('answers verify, check and compare with one line naming the peer, and exit code 2', async () => {
    const pact = join(ROOT, 'pacts', 'user-status-client-graph-user-statuses.json');
    const [verify, check, compare] = await Promise.all([
      cli(['verify', '--base-url', 'http://127.0.0.1:9', '--policy-id', 'p']),
      cli(['check', '--runs', '1', '--no-save-failures']),
      cli(['compare', '--pact', pact]),
    ]);
    expect(verify).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(PACT_HINT('verify')),
    });
    expect(check).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(PACT_HINT('check')),
    });
    expect(compare).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(
        /^error: compare needs @pactflow\/openapi-pact-comparator, which is not installed: npm install --save-dev @pactflow\/openapi-pact-comparator@\^2\.\d+\.\d+\n$/,
      ),
    });
  });

  it('still runs --help, validate, generate and check --no-pact', async () => {
    const fixture = join(ROOT, 'fixtures', 'valid', 'status-compliant.json');
    const [help, verifyHelp, validate, generate, fuzzOnly] = await Promise.all([
      cli(['--help']),
      cli(['verify', '--help']),
      cli(['validate', fixture]),
      cli(['generate', '--count', '2', '--seed', '1']),
      cli(['check', '--no-pact', '--runs', '5', '--allow-incomplete', '--no-save-failures']),
    ]);
    expect([help.code, help.stdout]).toEqual([0, expect.stringMatching(/compare/)]);
    expect([verifyHelp.code, verifyHelp.stdout]).toEqual([0, expect.stringMatching(/--base-url/)]);
    expect([validate.code, validate.stderr]).toEqual([0, expect.stringMatching(/1 valid/)]);
    expect([generate.code, generate.stdout.trim().split('\n').length]).toEqual([0, 2]);
    expect([fuzzOnly.code, fuzzOnly.stdout]).toEqual([0, expect.stringMatching(/Pact: skipped/)]);
  }, 60_000);

  it('with the peers found, verify goes past the check (a control for the hiding above)', async () => {
    const verify = await cli(['verify', '--base-url', 'not a url', '--policy-id', 'p'], false);
    expect(verify.code).toBe(2);
    expect(verify.stderr).not.toMatch(/not installed/);
  });

  it('throws the one-line hint from the ./pact entry, and loads the main entry without Pact', async () => {
    const script = `
      const main = require(${JSON.stringify(join(ROOT, 'dist', 'index.js'))});
      let pact;
      try {
        require(${JSON.stringify(join(ROOT, 'dist', 'pact', 'index.js'))});
      } catch (error) {
        pact = { main: error instanceof main.MissingPeerError, code: error.code, message: error.message };
      }
      console.log(JSON.stringify({ check: main.check('entity', main.userStatusFactory.build()), pact }));
    `;
    const result = await node(script, [], true);
    expect(JSON.parse(result.stdout)).toEqual({
      check: true,
      pact: {
        main: true,
        code: 'E_MISSING_PEER',
        message: expect.stringMatching(
          /^user-status-contracts\/pact needs @pact-foundation\/pact, which is not installed: npm install --save-dev @pact-foundation\/pact@\^16\.\d+\.\d+$/,
        ),
      },
    });
  });
});
