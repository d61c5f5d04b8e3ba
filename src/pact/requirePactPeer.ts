import { requirePeer } from '../requirePeer';

// Imported first by the `./pact` entry: without Pact installed, importing the entry fails with one
// line that says how to add it, not with a MODULE_NOT_FOUND from deep inside the matchers.
requirePeer('@pact-foundation/pact', 'user-status-contracts/pact');
