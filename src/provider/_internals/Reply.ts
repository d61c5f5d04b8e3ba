import type { DeviceComplianceUserStatus } from '../../contracts/types.generated';
import { describeInvalidBody } from './describeInvalidBody';
import { graphErrorBody, type GraphErrorIds } from './graphErrorBody';
import type { GraphErrorStatus } from './graphErrorCodes';
import { answerIds, GRAPH_JSON_CONTENT_TYPE, graphHead } from './graphResponseHeaders';
import type { ResourceRoute } from '../matchRoute';
import { odataContextUrl } from './odataContextUrl';
import type { ProviderRequest } from './ProviderRequest';
import type { ProviderResponse } from './ProviderResponse';
import { selfCheckIssue, type ResponseBodyKind } from './selfCheckIssue';
import { truncate } from './truncate';

/** A refused request: the Graph error to answer, and the headers that go with it. */
export interface Refusal {
  readonly status: GraphErrorStatus;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The responder of one request: writes its answers with Graph's headers and envelope, the
 * request's ids, and (with the self-check on) a check of every body against its contract.
 */
export class Reply implements GraphErrorIds {
  /** The `request-id` answered. */
  readonly requestId: string;
  /** The client's `client-request-id` when it can be echoed, else `requestId`. */
  readonly clientRequestId: string;

  constructor(
    private readonly req: ProviderRequest,
    private readonly res: ProviderResponse,
    private readonly selfCheck: boolean,
  ) {
    const { requestId, clientRequestId } = answerIds(req.headers['client-request-id']);
    this.requestId = requestId;
    this.clientRequestId = clientRequestId;
  }

  /** Answers a Graph error. */
  error(
    status: GraphErrorStatus,
    message: string,
    headers?: Readonly<Record<string, string>>,
  ): void {
    this.send(status, graphErrorBody(status, message, this), 'error', headers);
  }

  /** Answers a refusal as a Graph error. */
  refuse(refusal: Refusal): void {
    this.error(refusal.status, refusal.message, refusal.headers);
  }

  /** Answers a user status with its `@odata.context`. */
  entity(
    status: 200 | 201,
    at: ResourceRoute,
    entity: DeviceComplianceUserStatus,
    headers?: Readonly<Record<string, string>>,
  ): void {
    const body = {
      '@odata.context': odataContextUrl(at.version, at.policyId, 'entity'),
      ...entity,
    };
    this.send(status, body, 'entity', headers);
  }

  /** Answers a Graph 400 naming the body's contract issues. */
  invalidBody(
    issues: Parameters<typeof describeInvalidBody>[0],
    coverage?: Parameters<typeof describeInvalidBody>[1],
  ): void {
    const { message, details } = describeInvalidBody(issues, coverage);
    this.send(400, graphErrorBody(400, message, this, details), 'error');
  }

  /**
   * Answers a Graph 500 for a bug in the provider; when the head is already written, the
   * connection is destroyed instead.
   */
  internalError(error: unknown): void {
    if (this.res.headersSent) {
      this.req.socket.destroy();
      return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    this.send(
      500,
      graphErrorBody(500, `The reference provider failed unexpectedly: ${truncate(reason)}`, this),
      undefined,
    );
  }

  /**
   * Writes an answer with Graph's headers. With the self-check on, a body that breaks its own
   * contract is replaced by a Graph 500 saying so: a provider bug must never pass as conformance.
   */
  send(
    status: number,
    body: object | undefined,
    kind: ResponseBodyKind | undefined,
    extraHeaders?: Readonly<Record<string, string>>,
  ): void {
    const { res } = this;
    if (res.headersSent) return;
    let answerStatus = status;
    let answerBody = body;
    let headers = extraHeaders;
    if (this.selfCheck && kind !== undefined && body !== undefined) {
      const issue = selfCheckIssue(kind, body);
      if (issue !== undefined) {
        answerStatus = 500;
        answerBody = graphErrorBody(
          500,
          `The reference provider broke its own contract (self-check) in a ${status} answer: ${issue}`,
          this,
        );
        headers = undefined;
      }
    }
    const json = answerBody === undefined ? undefined : JSON.stringify(answerBody);
    const head = graphHead(this);
    if (headers !== undefined) {
      for (const name in headers) head.push(name, headers[name] as string);
    }
    if (json !== undefined) {
      head.push('content-type', GRAPH_JSON_CONTENT_TYPE);
      head.push('content-length', String(Buffer.byteLength(json)));
    }
    res.writeHead(answerStatus, head);
    res.end(json);
  }
}
