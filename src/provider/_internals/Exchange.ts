import type { Route } from '../matchRoute';
import type { ProviderRequest } from './ProviderRequest';
import type { RequestHandlerConfig } from './RequestHandlerConfig';
import type { Reply } from './Reply';

/** One request in flight: the request, where it points, the provider it reaches, its responder. */
export interface Exchange {
  readonly req: ProviderRequest;
  readonly route: Route;
  readonly config: RequestHandlerConfig;
  readonly reply: Reply;
}
