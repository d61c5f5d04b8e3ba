import type { Socket } from 'node:net';

/**
 * Status codes written straight to a socket, outside any `ServerResponse` (a timeout answered by
 * the server's `clientError` handler), so the request's log line can say what was answered.
 */
export const rawAnswers = new WeakMap<Socket, number>();
