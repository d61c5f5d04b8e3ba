import { requireVerbPeers } from '../../src/cli/requireVerbPeers';
import { handleError } from '../../src/cli/handleError';
import { ExitCode } from '../../src/cli/ExitCode';
import type { CliIo } from '../../src/cli/CliIo';
import { MissingPeerError } from '../../src/errors';
import type { ModuleResolver } from '../../src/requirePeer';

/** A resolver for a project where only the named packages are installed. */
function installed(...names: string[]): ModuleResolver {
  return (name) => {
    if (names.includes(name)) return `/node_modules/${name}/index.js`;
    throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
  };
}

function missingPeer(verb: string, options: Record<string, unknown>, resolve: ModuleResolver) {
  try {
    requireVerbPeers(verb, options, resolve);
    return undefined;
  } catch (error) {
    return error instanceof MissingPeerError ? error.peer : error;
  }
}

describe('requireVerbPeers', () => {
  const none = installed();

  it('asks verify and check for Pact, and compare for the comparator', () => {
    expect(missingPeer('verify', {}, none)).toBe('@pact-foundation/pact');
    expect(missingPeer('check', { pact: true }, none)).toBe('@pact-foundation/pact');
    expect(missingPeer('compare', {}, none)).toBe('@pactflow/openapi-pact-comparator');
  });

  it('asks nothing of check --no-pact, nor of the verbs that need no peer', () => {
    for (const verb of ['validate', 'generate', 'serve', 'fuzz']) {
      expect([verb, missingPeer(verb, {}, none)]).toEqual([verb, undefined]);
    }
    expect(missingPeer('check', { pact: false }, none)).toBeUndefined();
  });

  it('passes once the peer each verb needs is installed, and not before', () => {
    const pactOnly = installed('@pact-foundation/pact');
    expect(missingPeer('verify', {}, pactOnly)).toBeUndefined();
    expect(missingPeer('check', { pact: true }, pactOnly)).toBeUndefined();
    expect(missingPeer('compare', {}, pactOnly)).toBe('@pactflow/openapi-pact-comparator');
  });
});

describe('handleError with a missing peer', () => {
  it('prints one line with the install command and exits 2, as for a usage error', () => {
    const written: string[] = [];
    const io = { stderr: (text: string) => written.push(text), env: {} } as unknown as CliIo;
    const code = handleError(
      new MissingPeerError('@pact-foundation/pact', 'verify', '^16.5.0'),
      io,
    );
    expect(code).toBe(ExitCode.Usage);
    expect(written).toEqual([
      'error: verify needs @pact-foundation/pact, which is not installed: npm install --save-dev @pact-foundation/pact@^16.5.0\n',
    ]);
  });
});
