import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Sets `Authorization: Bearer <token>` on every request. The client's own AuthenticationHandler
 * sends the token only to https Graph hosts (or `customHosts`, https too) and strips it from any
 * other URL, so a local http stand-in of Graph needs this just before the fetch.
 */
export class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly getToken: () => Promise<string>) {}

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const value = `Bearer ${await this.getToken()}`;
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
