/**
 * The prefix requests would carry twice, when the path of `baseUrl` ends with the segments the
 * pact's paths start with: `/v1.0` for `http://127.0.0.1:4010/v1.0` and
 * `/v1.0/deviceManagement/...`, whose requests go to `/v1.0/v1.0/deviceManagement/...`.
 * `undefined` when no path is doubled.
 */
export function doubledPathPrefix(baseUrl: string, paths: readonly string[]): string | undefined {
  let basePath: string;
  try {
    basePath = new URL(baseUrl).pathname;
  } catch {
    return undefined;
  }
  const base = segmentsOf(basePath);
  for (const path of paths) {
    const segments = segmentsOf(path);
    // The longest overlap wins; a path keeps at least one segment of its own.
    for (let size = Math.min(base.length, segments.length - 1); size >= 1; size--) {
      const head = segments.slice(0, size);
      if (base.slice(-size).join('/') === head.join('/')) return `/${head.join('/')}`;
    }
  }
  return undefined;
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}
