/**
 * Status codes written straight to a socket, outside any response object (a timeout answered by
 * the server's `clientError` handler), so the request's log line can say what was answered. Keyed
 * by the request's `socket`.
 */
export const rawAnswers = new WeakMap<object, number>();
