// The `./provider` entry: the reference provider alone, over `node:http` or as a fetch handler,
// without the fuzzer, the CLI or Pact.

/** Creates the reference provider over `node:http`. */
export { createProvider } from './createProvider';
/** A listening (or ready to listen) provider, and where it listens. */
export type { Provider, ProviderAddress } from './createProvider';
/** Creates the reference provider as a fetch handler (`Request` in, `Response` out). */
export { createFetchProvider } from './createFetchProvider';
/** The fetch handler provider, and its options. */
export type { FetchProvider, FetchProviderOptions } from './createFetchProvider';
/** The provider's options, shared by both transports. */
export type { ProviderOptions } from './ProviderOptions';
/** The token, policy and port the provider uses when none are given. */
export { DEFAULT_POLICY_ID, DEFAULT_PORT, DEFAULT_TOKEN } from './defaults';
/** What `onFault` receives for each injected fault. */
export type { FaultEvent } from './FaultEvent';
/** What `onRequest` receives for each answered request. */
export type { RequestLogLine } from './RequestLogLine';
/** The provider's bounded, in-memory store of user statuses. */
export { UserStatusStore } from './UserStatusStore';
