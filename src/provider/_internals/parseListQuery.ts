import { MAX_PAGE_SIZE } from '../defaults';

/** The paging options of a listing request, or why they cannot be honoured. */
export type ListQuery =
  | {
      readonly ok: true;
      /** The `$top` sent (the page size), or `undefined`. */
      readonly top: number | undefined;
      /** The position a `$skiptoken` resumes after, or `undefined` for the first page. */
      readonly after: number | undefined;
    }
  | { readonly ok: false; readonly message: string };

const DIGITS = /^[0-9]+$/;
// Skip tokens are store positions the provider wrote itself: safe integers, in decimal.
const MAX_TOKEN_DIGITS = 15;

/**
 * Reads `$top` and `$skiptoken` from a request target's query (names in any case, values
 * percent-decoded); other query options are ignored. `$top` must be an integer from 1 to
 * `MAX_PAGE_SIZE`, `$skiptoken` one the provider issued in an `@odata.nextLink`, and neither may be
 * sent twice.
 */
export function parseListQuery(target: string): ListQuery {
  const queryAt = target.indexOf('?');
  if (queryAt === -1) return { ok: true, top: undefined, after: undefined };
  let top: string[] = [];
  let token: string[] = [];
  for (const [name, value] of new URLSearchParams(target.slice(queryAt + 1))) {
    const option = name.toLowerCase();
    if (option === '$top') top = [...top, value];
    else if (option === '$skiptoken') token = [...token, value];
  }
  if (top.length > 1 || token.length > 1) {
    return {
      ok: false,
      message: `The query sends ${top.length > 1 ? '$top' : '$skiptoken'} more than once; send it once.`,
    };
  }
  const [topText] = top;
  const [tokenText] = token;
  if (topText !== undefined && !(DIGITS.test(topText) && isPageSize(Number(topText)))) {
    return {
      ok: false,
      message: `$top must be an integer from 1 to ${MAX_PAGE_SIZE}, not ${JSON.stringify(topText.slice(0, 40))}.`,
    };
  }
  if (
    tokenText !== undefined &&
    !(DIGITS.test(tokenText) && tokenText.length <= MAX_TOKEN_DIGITS)
  ) {
    return {
      ok: false,
      message: `The $skiptoken ${JSON.stringify(tokenText.slice(0, 40))} was not issued by this service; follow the @odata.nextLink of the previous page.`,
    };
  }
  return {
    ok: true,
    top: topText === undefined ? undefined : Number(topText),
    after: tokenText === undefined ? undefined : Number(tokenText),
  };
}

function isPageSize(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE;
}
