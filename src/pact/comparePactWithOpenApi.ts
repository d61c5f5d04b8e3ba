import { requirePeer } from '../requirePeer';
import { serverBasePaths } from './serverBasePaths';

// The part of the comparator's API used here, typed by hand: its own typings resolve only under
// `exports`-aware module resolution, which this CommonJS build does not use.
interface ComparatorModule {
  readonly Comparator: new (options: { readonly oas: unknown }) => {
    compare(pact: unknown): AsyncIterable<ComparatorResult>;
  };
}

interface ComparatorResult {
  readonly type: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
  readonly mockDetails?: { readonly location?: string };
  readonly specDetails?: { readonly location?: string };
}

/** One thing the comparator found about an interaction (or the pact as a whole). */
export interface PactComparisonFinding {
  /** `error` fails the comparison; `warning` is worth a look. */
  readonly level: 'error' | 'warning';
  /** The comparator's code, e.g. `response.body.incompatible` or `request.path-or-method.unknown`. */
  readonly code: string;
  /** The comparator's sentence. */
  readonly message: string;
  /** Where in the pact, e.g. `[root].interactions[0].response.body.devicesCount`. */
  readonly pactLocation: string;
  /** Where in the OpenAPI document, when the comparator says. */
  readonly specLocation: string | undefined;
}

/** What the comparison found for one interaction. */
export interface InteractionComparison {
  /** The interaction's description (or `(the pact)` for findings about no interaction). */
  readonly description: string;
  /** The base path its request path was matched under (`''` for none), e.g. `/v1.0`. */
  readonly basePath: string;
  /** Whether the OpenAPI document allows the interaction (no `error` finding). */
  readonly allowed: boolean;
  /** Every finding, errors and warnings, in the comparator's order. */
  readonly findings: readonly PactComparisonFinding[];
}

/** Whether a pact stays within what an OpenAPI document allows, interaction by interaction. */
export interface PactComparison {
  /** Whether every interaction is allowed. */
  readonly allowed: boolean;
  /** One entry per interaction of the pact, in the pact's order (plus one for pact-wide findings). */
  readonly interactions: readonly InteractionComparison[];
  /** The base paths request paths were matched under (`''` is none), e.g. `['/v1.0', '/beta', '']`. */
  readonly basePaths: readonly string[];
}

/** Options of `comparePactWithOpenApi`. */
export interface ComparePactWithOpenApiOptions {
  /**
   * The prefix every request path of the pact starts with, before the document's paths, e.g.
   * `/v1.0`; `''` or `/` for none.
   * @defaultValue per interaction, the longest base path of the document's `servers` that its path
   * starts with (`/v1.0` or `/beta` for this package's document), else none
   */
  readonly basePath?: string;
}

interface PactShape {
  readonly interactions?: ReadonlyArray<{
    readonly description?: unknown;
    readonly request?: { readonly path?: unknown };
  }>;
}

const INTERACTION_AT = /^\[root\]\.interactions\[(\d+)\]/;

/**
 * Checks each interaction of a pact against an OpenAPI document with PactFlow's
 * openapi-pact-comparator, so a consumer cannot record a request or response the documented
 * shape forbids (an undocumented path or status, a body the schemas reject). Request paths may
 * start with a base path of the document's `servers` (`/v1.0/deviceManagement/...`), or with
 * `options.basePath`.
 * @param openapi a self-contained OpenAPI document (see `bundleOpenApiDocument`).
 * @throws MissingPeerError when `@pactflow/openapi-pact-comparator` is not installed.
 * @example
 * const comparison = await comparePactWithOpenApi(pact, await bundleOpenApiDocument('contracts/openapi.json'));
 */
export async function comparePactWithOpenApi(
  pact: unknown,
  openapi: Record<string, unknown>,
  options: ComparePactWithOpenApiOptions = {},
): Promise<PactComparison> {
  requirePeer('@pactflow/openapi-pact-comparator', 'comparePactWithOpenApi');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Comparator } = require('@pactflow/openapi-pact-comparator') as ComparatorModule;
  const info = (openapi['info'] ?? {}) as Record<string, unknown>;
  const configured = info[BASE_PATH_KEY];
  const basePaths =
    options.basePath !== undefined
      ? [trimSlash(options.basePath)]
      : typeof configured === 'string'
        ? [trimSlash(configured)]
        : serverBasePaths(openapi);
  const interactions = (pact as PactShape).interactions ?? [];
  const chosen = interactions.map((interaction) =>
    basePathOf(String(interaction.request?.path ?? ''), basePaths),
  );
  const findings = interactions.map((): PactComparisonFinding[] => []);
  const general: PactComparisonFinding[] = [];
  // The comparator matches paths under one base path: it runs once per base path in use, and
  // each interaction keeps the findings of the run for its own.
  const runs = [...new Set(chosen.length === 0 ? [basePaths[0] ?? ''] : chosen)];
  for (const [run, basePath] of runs.entries()) {
    // A copy per run: the comparator writes into the operations it reads.
    const oas = structuredClone(openapi);
    oas['info'] = { ...info, [BASE_PATH_KEY]: basePath };
    for await (const result of new Comparator({ oas }).compare(pact)) {
      if (result.type === 'info') continue;
      const pactLocation = result.mockDetails?.location ?? '';
      const finding: PactComparisonFinding = {
        level: result.type,
        code: result.code,
        message: result.message,
        pactLocation,
        specLocation: result.specDetails?.location,
      };
      const index = Number(INTERACTION_AT.exec(pactLocation)?.[1] ?? NaN);
      const own = findings[index];
      if (own === undefined) {
        if (run === 0) general.push(finding);
      } else if (chosen[index] === basePath) {
        own.push(finding);
      }
    }
  }
  const compared: InteractionComparison[] = interactions.map((interaction, index) => {
    const own = findings[index] ?? [];
    return {
      description: String(interaction.description ?? `interaction ${index}`),
      basePath: chosen[index] ?? '',
      allowed: own.every((finding) => finding.level !== 'error'),
      findings: own,
    };
  });
  if (general.length > 0) {
    compared.push({
      description: '(the pact)',
      basePath: '',
      allowed: general.every((finding) => finding.level !== 'error'),
      findings: general,
    });
  }
  return {
    allowed: compared.every((interaction) => interaction.allowed),
    interactions: compared,
    basePaths,
  };
}

/** Where the comparator reads the one base path it matches paths under. */
const BASE_PATH_KEY = 'x-opc-config-base-path';

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '');
}

/** The longest base path `path` starts with (a whole segment); none when no other fits. */
function basePathOf(path: string, basePaths: readonly string[]): string {
  if (basePaths.length === 1) return basePaths[0] ?? '';
  const fits = basePaths
    .filter((base) => base === '' || path === base || path.startsWith(`${base}/`))
    .sort((a, b) => b.length - a.length);
  return fits[0] ?? '';
}
