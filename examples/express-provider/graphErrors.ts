import type { NextFunction, Request, Response } from 'express';
import type { ODataError } from 'user-status-contracts';

/** Graph's `error.code` for each status this app answers with an error. */
const GRAPH_ERROR_CODES = {
  400: 'BadRequest',
  401: 'InvalidAuthenticationToken',
  404: 'ResourceNotFound',
  405: 'MethodNotAllowed',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  500: 'InternalServerError',
} as const;

/** A status code this app answers with Graph's error envelope. */
export type GraphErrorStatus = keyof typeof GRAPH_ERROR_CODES;

/** One entry of `error.details`: for a body that breaks the contract, one per issue. */
export interface GraphErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly target: string;
}

/** What an error answer carries besides its status and message. */
export interface GraphErrorExtras {
  /** Response headers (`WWW-Authenticate` on a 401, `Allow` on a 405). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as `error.details`. */
  readonly details?: readonly GraphErrorDetail[];
}

/**
 * An error a handler throws to answer with Graph's error envelope: Express 5 passes thrown errors
 * (and rejected promises) to `graphErrorHandler`, which renders it.
 */
export class GraphError extends Error {
  /** Graph's `error.code` for the status (`BadRequest`, `ResourceNotFound`, ...). */
  readonly code: string;

  constructor(
    readonly status: GraphErrorStatus,
    message: string,
    readonly extras: GraphErrorExtras = {},
  ) {
    super(message);
    this.name = 'GraphError';
    this.code = GRAPH_ERROR_CODES[status];
  }
}

/**
 * The last middleware: renders every error as Graph's envelope, including the errors of Express's
 * JSON parser (malformed JSON 400, too large 413, unsupported charset 415), so no answer is HTML.
 */
export function graphErrorHandler(
  error: unknown,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  // Express's own rule: once the answer has started, only its default handler can end it.
  if (res.headersSent) {
    next(error);
    return;
  }
  const graphError = toGraphError(error);
  if (graphError.status === 500) console.error(error);
  const requestId = res.get('request-id') ?? '';
  const body: ODataError = {
    error: {
      code: graphError.code,
      message: graphError.message,
      ...(graphError.extras.details === undefined
        ? {}
        : { details: [...graphError.extras.details] }),
      innerError: {
        // Graph writes this date in UTC, to the second, without an offset.
        date: new Date().toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': res.get('client-request-id') ?? requestId,
      },
    },
  };
  res
    .status(graphError.status)
    .set(graphError.extras.headers ?? {})
    .json(body);
}

/** Errors from Express's body parser carry a `type`; map each to what Graph answers. */
function toGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  const { type, status, message } = (error ?? {}) as {
    type?: unknown;
    status?: unknown;
    message?: unknown;
  };
  switch (type) {
    case 'entity.parse.failed':
      return new GraphError(400, `The request body is not valid JSON: ${String(message)}`);
    case 'entity.too.large':
      return new GraphError(413, 'The request body is larger than 1 MB.');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new GraphError(415, 'Send the body as application/json in UTF-8, uncompressed.');
  }
  // Other client errors Express raises itself (an undecodable %-escape in the path, an aborted body).
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new GraphError(400, typeof message === 'string' ? message : 'Bad request.');
  }
  return new GraphError(500, 'An internal server error occurred.');
}
