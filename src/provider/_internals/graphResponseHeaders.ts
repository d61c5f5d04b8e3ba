/** The `Content-Type` Graph answers JSON with (OData minimal metadata, UTF-8). */
export const GRAPH_JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** The `OData-Version` Graph answers with. */
export const GRAPH_ODATA_VERSION = '4.0';
