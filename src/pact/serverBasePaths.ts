interface ServerShape {
  readonly url?: unknown;
  readonly variables?: Record<string, { readonly default?: unknown; readonly enum?: unknown }>;
}

/**
 * The base paths an OpenAPI document's `servers` put before its paths, without a trailing slash:
 * `''` for a server at the root, `/v1.0` for `https://graph.microsoft.com/v1.0`. A server variable
 * in the path stands for each of its `enum` values and its `default`. A document without servers
 * is served at the root (`['']`), as OpenAPI says.
 * @example
 * serverBasePaths({ servers: [{ url: 'https://graph.microsoft.com/beta' }] }); // ['/beta']
 */
export function serverBasePaths(openapi: Readonly<Record<string, unknown>>): string[] {
  const servers = Array.isArray(openapi['servers']) ? (openapi['servers'] as ServerShape[]) : [];
  const paths = new Set<string>();
  for (const server of servers) {
    if (typeof server?.url !== 'string') continue;
    for (const url of expandVariables(server.url, server.variables ?? {})) paths.add(pathOf(url));
  }
  return paths.size === 0 ? [''] : [...paths];
}

function expandVariables(url: string, variables: NonNullable<ServerShape['variables']>): string[] {
  let urls = [url];
  for (const name of new Set([...url.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] ?? ''))) {
    const variable = variables[name];
    const values = new Set(
      [variable?.default, ...(Array.isArray(variable?.enum) ? variable.enum : [])]
        .filter((value) => value !== undefined)
        .map(String),
    );
    if (values.size === 0) continue;
    urls = urls.flatMap((each) => [...values].map((value) => each.split(`{${name}}`).join(value)));
  }
  return urls;
}

function pathOf(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url, 'http://relative.invalid').pathname;
  } catch {
    return '';
  }
  return pathname.replace(/\/+$/, '');
}
