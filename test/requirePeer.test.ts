import { MissingPeerError, UserStatusContractsError } from '../src/errors';
import { requirePeer, type ModuleResolver } from '../src/requirePeer';
import packageJson from '../package.json';

const notFound: ModuleResolver = (name) => {
  throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
};

describe('requirePeer', () => {
  it('passes when the peer is installed (here, as a dev dependency)', () => {
    expect(() => requirePeer('@pact-foundation/pact', 'verify')).not.toThrow();
    expect(() => requirePeer('@pactflow/openapi-pact-comparator', 'compare')).not.toThrow();
  });

  it('throws a MissingPeerError with the one-line install command when the peer is missing', () => {
    let thrown: unknown;
    try {
      requirePeer('@pact-foundation/pact', 'verify', notFound);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissingPeerError);
    expect(thrown).toBeInstanceOf(UserStatusContractsError);
    const range = packageJson.peerDependencies['@pact-foundation/pact'];
    expect(thrown).toMatchObject({
      code: 'E_MISSING_PEER',
      peer: '@pact-foundation/pact',
      neededBy: 'verify',
      installCommand: `npm install --save-dev @pact-foundation/pact@${range}`,
      message: `verify needs @pact-foundation/pact, which is not installed: npm install --save-dev @pact-foundation/pact@${range}`,
    });
    expect((thrown as Error).message).not.toContain('\n');
    expect((thrown as Error).cause).toMatchObject({ code: 'MODULE_NOT_FOUND' });
  });

  it('takes the range from the peer dependencies, the comparator too', () => {
    expect(() =>
      requirePeer('@pactflow/openapi-pact-comparator', 'comparePactWithOpenApi', notFound),
    ).toThrow(
      `comparePactWithOpenApi needs @pactflow/openapi-pact-comparator, which is not installed: npm install --save-dev @pactflow/openapi-pact-comparator@${packageJson.peerDependencies['@pactflow/openapi-pact-comparator']}`,
    );
  });

  it('lets any other failure through: an installed but broken peer is not a missing one', () => {
    const broken: ModuleResolver = () => {
      throw Object.assign(new Error('no "exports" main defined'), {
        code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      });
    };
    expect(() => requirePeer('@pact-foundation/pact', 'verify', broken)).toThrow(
      'no "exports" main defined',
    );
  });

  it('declares every optional peer as an optional peer, kept as a dev dependency for this repository', () => {
    for (const peer of ['@pact-foundation/pact', '@pactflow/openapi-pact-comparator'] as const) {
      expect(packageJson.peerDependencies[peer]).toMatch(/^\^\d+\.\d+\.\d+$/);
      expect(packageJson.peerDependenciesMeta[peer]).toEqual({ optional: true });
      expect(packageJson.devDependencies[peer]).toBe(packageJson.peerDependencies[peer]);
      expect(Object.keys(packageJson.dependencies)).not.toContain(peer);
    }
  });
});
