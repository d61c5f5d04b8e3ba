import type { ODataErrorDetail } from '../../contracts/ODataErrorDetail';
import type { ODataError } from '../../contracts/types.generated';
import { GRAPH_ERROR_CODES, type GraphErrorStatus } from './graphErrorCodes';

/** Graph's `innerError.date`: UTC, seconds precision, no offset (`2021-09-02T21:52:54`). */
function graphErrorDate(now: Date): string {
  return now.toISOString().slice(0, 19);
}

/** The ids an error envelope repeats from the response headers. */
export interface GraphErrorIds {
  /** The `request-id` response header. */
  readonly requestId: string;
  /** The `client-request-id` response header (the client's, or equal to `requestId`). */
  readonly clientRequestId: string;
}

/** Microsoft Graph's error envelope for a status code, as the reference provider sends it. */
export function graphErrorBody(
  status: GraphErrorStatus,
  message: string,
  ids: GraphErrorIds,
  details?: readonly ODataErrorDetail[],
): ODataError {
  return {
    error: {
      code: GRAPH_ERROR_CODES[status],
      message,
      ...(details === undefined || details.length === 0 ? {} : { details: [...details] }),
      innerError: {
        date: graphErrorDate(new Date()),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}
