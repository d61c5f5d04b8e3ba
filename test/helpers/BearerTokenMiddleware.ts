import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Sets the bearer token on every request, as an application does against a local http fake:
 * the Graph client's own AuthenticationHandler sends tokens only to https Graph hosts (and
 * `customHosts`, https too) and strips an Authorization header set by hand on any other URL.
 * (`examples/graph-client-consumer/` shows the same middleware as a user would write it.)
 */
export class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly token: string) {}

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const value = `Bearer ${this.token}`;
    if (options.headers instanceof Headers) options.headers.set('Authorization', value);
    else if (Array.isArray(options.headers)) options.headers.push(['Authorization', value]);
    else options.headers = { ...options.headers, Authorization: value };
    if (this.next === undefined) throw new Error('BearerTokenMiddleware needs a next middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
