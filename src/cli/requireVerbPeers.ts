import { requirePeer, type ModuleResolver, type OptionalPeer } from '../requirePeer';

/**
 * Checks, before a verb runs, that the optional peers it needs with these options are installed:
 * `verify` and `check` (unless `--no-pact`) need Pact, `compare` needs the comparator. The other
 * verbs, and `--help` everywhere, need neither.
 * @throws MissingPeerError naming the peer and the command that installs it.
 */
export function requireVerbPeers(
  verb: string,
  options: Readonly<Record<string, unknown>>,
  resolve?: ModuleResolver,
): void {
  for (const peer of peersOf(verb, options)) requirePeer(peer, verb, resolve);
}

function peersOf(verb: string, options: Readonly<Record<string, unknown>>): OptionalPeer[] {
  switch (verb) {
    case 'verify':
      return ['@pact-foundation/pact'];
    case 'compare':
      return ['@pactflow/openapi-pact-comparator'];
    case 'check':
      return options['pact'] === false ? [] : ['@pact-foundation/pact'];
    default:
      return [];
  }
}
