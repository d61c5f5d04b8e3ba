/** Graph's `error.code` for each status code the reference provider answers with an error. */
export const GRAPH_ERROR_CODES = {
  400: 'BadRequest',
  401: 'InvalidAuthenticationToken',
  404: 'ResourceNotFound',
  405: 'MethodNotAllowed',
  408: 'RequestTimeout',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  417: 'ExpectationFailed',
  429: 'TooManyRequests',
  431: 'RequestHeaderFieldsTooLarge',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
} as const;

/** A status code the reference provider answers with a Graph error envelope. */
export type GraphErrorStatus = keyof typeof GRAPH_ERROR_CODES;
