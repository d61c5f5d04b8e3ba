import { MissingPeerError } from './errors';

/** The optional peer dependencies: installed by the user only for the verbs and entries that need them. */
export type OptionalPeer = '@pact-foundation/pact' | '@pactflow/openapi-pact-comparator';

/** Finds a module's file the way `require` would, or throws `MODULE_NOT_FOUND`. */
export type ModuleResolver = (name: string) => string;

/**
 * Throws `MissingPeerError` (with the command that installs it) when `peer` cannot be loaded from
 * here, so that a missing optional peer is one clear line, not a stack trace from deep inside a verb.
 * @param neededBy what needs the peer, as the user knows it: a verb (`verify`) or an entry.
 * @param resolve how to look the peer up; tests pass one that finds nothing.
 * @throws MissingPeerError when the peer is not installed.
 * @example
 * requirePeer('@pact-foundation/pact', 'verify');
 */
export function requirePeer(
  peer: OptionalPeer,
  neededBy: string,
  resolve: ModuleResolver = require.resolve,
): void {
  try {
    resolve(peer);
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code !== 'MODULE_NOT_FOUND') throw error;
    throw new MissingPeerError(peer, neededBy, peerRange(peer), { cause: error });
  }
}

/** The version range this package declares for a peer, e.g. `^16.5.0`. */
function peerRange(peer: OptionalPeer): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const manifest = require('../package.json') as { peerDependencies?: Record<string, string> };
  return manifest.peerDependencies?.[peer] ?? 'latest';
}
