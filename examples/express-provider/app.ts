import { randomUUID } from 'node:crypto';
import express, {
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import {
  check,
  listIssues,
  USER_STATUS_ODATA_TYPE,
  type DeviceComplianceUserStatus,
  type ValidationIssue,
} from 'user-status-contracts';
import { GraphError, graphErrorHandler } from './graphErrors';
import { providerStatesRouter } from './providerStates';
import { strictJson } from './strictJson';
import { UserStatusStore } from './userStatusStore';

/** Options of `createApp`. */
export interface AppOptions {
  /** Bearer tokens the app accepts (a real server validates a JWT instead). */
  readonly tokens: readonly string[];
  /** Device compliance policies that exist when the app starts. */
  readonly policyIds: readonly string[];
  /**
   * Serve `POST /_pact/provider-states` (without a token) so Pact verification can set states up.
   * For tests only. @defaultValue false
   */
  readonly providerStates?: boolean;
}

const COLLECTION = '/deviceManagement/deviceCompliancePolicies/:policyId/userStatuses';
const ITEM = `${COLLECTION}/:statusId`;
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;

/**
 * An Express 5 implementation of Graph's device compliance user statuses: create (`POST`), list
 * and read (`GET`), update (`PATCH`) and delete (`DELETE`), with Graph's status codes, headers and
 * error envelope, also under `/v1.0` and `/beta`.
 * @example
 * const app = createApp({ tokens: ['t'], policyIds: ['p1'] });
 * app.listen(8080);
 */
export function createApp(options: AppOptions): Express {
  const store = new UserStatusStore(options.policyIds);
  const app = express();
  app.disable('x-powered-by');
  // Graph sends no ETag here; Express's would turn a repeated GET into a 304.
  app.set('etag', false);
  app.use(graphHeaders);
  if (options.providerStates === true) {
    app.use('/_pact/provider-states', providerStatesRouter(store));
  }
  app.use(requireBearer(new Set(options.tokens)));
  const userStatuses = userStatusesRouter(store);
  app.use(['/v1.0', '/beta'], userStatuses);
  app.use(userStatuses);
  app.use((req: Request) => {
    throw new GraphError(404, `Resource not found for the segment '${req.path}'.`);
  });
  app.use(graphErrorHandler);
  return app;
}

function userStatusesRouter(store: UserStatusStore): Router {
  const router = express.Router();

  // An unknown policy is a 404 whatever the method, before a 405 or a look at the body.
  router.param('policyId', (_req, _res, next, policyId: string) => {
    if (store.hasPolicy(policyId)) next();
    else next(new GraphError(404, `The device compliance policy '${policyId}' does not exist.`));
  });

  router
    .route(COLLECTION)
    .get((req, res) => {
      const { policyId } = req.params;
      res.json({ '@odata.context': contextUrl(req, policyId), value: store.list(policyId) });
    })
    .post(requireJson, strictJson, (req, res) => {
      const { policyId } = req.params;
      const body: unknown = req.body;
      if (!check('request', body)) throw invalidBody(listIssues('request', body));
      // Every field is listed: a sent `id` is ignored (the server assigns its own).
      const created: DeviceComplianceUserStatus = {
        '@odata.type': USER_STATUS_ODATA_TYPE,
        id: newStatusId(),
        userDisplayName: body.userDisplayName,
        devicesCount: body.devicesCount,
        status: body.status,
        lastReportedDateTime: body.lastReportedDateTime,
        userPrincipalName: body.userPrincipalName,
      };
      store.put(policyId, created);
      const location = new URL(
        `${req.baseUrl}${req.path.replace(/\/$/, '')}/${encodeURIComponent(created.id)}`,
        `${req.protocol}://${req.get('host') ?? 'localhost'}`,
      );
      res
        .status(201)
        .location(location.href)
        .json({ '@odata.context': contextUrl(req, policyId, 'entity'), ...created });
    })
    .all(methodNotAllowed('GET, POST'));

  router
    .route(ITEM)
    .get((req, res) => {
      const { policyId, statusId } = req.params;
      const status = store.get(policyId, statusId) ?? statusNotFound(statusId);
      res.json({ '@odata.context': contextUrl(req, policyId, 'entity'), ...status });
    })
    .patch(requireJson, strictJson, (req, res) => {
      const { policyId, statusId } = req.params;
      const stored = store.get(policyId, statusId) ?? statusNotFound(statusId);
      const patch: unknown = req.body;
      if (!check('request', patch, { profile: 'graph-metadata' })) {
        throw invalidBody(listIssues('request', patch, { profile: 'graph-metadata' }));
      }
      if (patch.id !== undefined && patch.id !== stored.id) {
        throw new GraphError(400, 'The id of a user status cannot be changed.');
      }
      const updated: DeviceComplianceUserStatus = {
        '@odata.type': USER_STATUS_ODATA_TYPE,
        id: stored.id,
        // A sent null clears a name; a name left out is kept.
        userDisplayName:
          patch.userDisplayName === undefined ? stored.userDisplayName : patch.userDisplayName,
        devicesCount: patch.devicesCount ?? stored.devicesCount,
        status: patch.status ?? stored.status,
        lastReportedDateTime: patch.lastReportedDateTime ?? stored.lastReportedDateTime,
        userPrincipalName:
          patch.userPrincipalName === undefined
            ? stored.userPrincipalName
            : patch.userPrincipalName,
      };
      store.put(policyId, updated);
      res.json({ '@odata.context': contextUrl(req, policyId, 'entity'), ...updated });
    })
    .delete((req, res) => {
      const { policyId, statusId } = req.params;
      if (!store.delete(policyId, statusId)) statusNotFound(statusId);
      res.status(204).end();
    })
    .all(methodNotAllowed('GET, PATCH, DELETE'));

  return router;
}

/** Graph's per-answer headers; errors repeat the ids in `innerError`. */
function graphHeaders(req: Request, res: Response, next: NextFunction): void {
  const requestId = randomUUID();
  res.set({
    'request-id': requestId,
    'client-request-id': req.get('client-request-id') ?? requestId,
    'OData-Version': '4.0',
  });
  next();
}

function requireBearer(tokens: ReadonlySet<string>): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization');
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (token !== undefined && tokens.has(token)) {
      next();
      return;
    }
    next(
      new GraphError(
        401,
        header === undefined
          ? 'Access token is empty.'
          : 'Access token validation failure: send Authorization: Bearer <token>.',
        { headers: { 'WWW-Authenticate': 'Bearer' } },
      ),
    );
  };
}

/** A body only counts as JSON when it says so: anything else is a 415, before it is read. */
function requireJson(req: Request, _res: Response, next: NextFunction): void {
  if (req.is('application/json') === 'application/json') next();
  else next(new GraphError(415, 'Send the body as application/json.'));
}

function methodNotAllowed(allow: string): RequestHandler {
  return (req, _res, next) =>
    next(
      new GraphError(405, `The method ${req.method} is not allowed here; use ${allow}.`, {
        headers: { Allow: allow },
      }),
    );
}

/** A Graph 400 naming the first broken property and rule, with every issue in `details`. */
function invalidBody(issues: readonly ValidationIssue[]): GraphError {
  const [first] = issues;
  return new GraphError(
    400,
    first === undefined
      ? 'Invalid request body.'
      : `Invalid request body: ${first.path || '(root)'} breaks "${first.rule}": ${first.message}`,
    {
      details: issues.map((issue) => ({
        code: issue.rule,
        message: issue.message,
        target: issue.path || '(root)',
      })),
    },
  );
}

function statusNotFound(statusId: string): never {
  throw new GraphError(404, `The user status '${statusId}' does not exist.`);
}

/** Graph's ids for these statuses: three GUIDs joined by `_`. */
function newStatusId(): string {
  return `${randomUUID()}_${randomUUID()}_${randomUUID()}`;
}

/** The `@odata.context` Graph writes, against its own service root. */
function contextUrl(req: Request, policyId: string, target?: 'entity'): string {
  const version = req.baseUrl === '/beta' ? 'beta' : 'v1.0';
  const key = policyId.replace(/'/g, "''");
  return (
    `https://graph.microsoft.com/${version}/$metadata#deviceManagement/deviceCompliancePolicies('${key}')/userStatuses` +
    (target === 'entity' ? '/$entity' : '')
  );
}
