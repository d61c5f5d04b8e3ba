// The `./msw` entry: MSW 2 handlers that serve Graph's user statuses with the reference provider.
// Apart from the main entry so that importing the toolkit never loads `msw`, an optional peer.

/** Creates MSW handlers answering user status requests exactly as the reference provider does. */
export { createUserStatusHandlers } from './createUserStatusHandlers';
/** The handlers, their store, `reset` and `setProviderState`; and the options they take. */
export type { UserStatusHandlers, UserStatusHandlersOptions } from './createUserStatusHandlers';
