import { requirePeer } from '../requirePeer';

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
}

interface PactShape {
  readonly interactions?: ReadonlyArray<{ readonly description?: unknown }>;
}

const INTERACTION_AT = /^\[root\]\.interactions\[(\d+)\]/;

/**
 * Checks each interaction of a pact against an OpenAPI document with PactFlow's
 * openapi-pact-comparator, so a consumer cannot record a request or response the documented
 * shape forbids (an undocumented path or status, a body the schemas reject).
 * @param openapi a self-contained OpenAPI document (see `bundleOpenApiDocument`).
 * @throws MissingPeerError when `@pactflow/openapi-pact-comparator` is not installed.
 * @example
 * const comparison = await comparePactWithOpenApi(pact, await bundleOpenApiDocument('contracts/openapi.json'));
 */
export async function comparePactWithOpenApi(
  pact: unknown,
  openapi: Record<string, unknown>,
): Promise<PactComparison> {
  requirePeer('@pactflow/openapi-pact-comparator', 'comparePactWithOpenApi');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Comparator } = require('@pactflow/openapi-pact-comparator') as ComparatorModule;
  const comparator = new Comparator({ oas: openapi });
  const interactions = (pact as PactShape).interactions ?? [];
  const findings = interactions.map((): PactComparisonFinding[] => []);
  const general: PactComparisonFinding[] = [];
  for await (const result of comparator.compare(pact)) {
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
    (findings[index] ?? general).push(finding);
  }
  const compared: InteractionComparison[] = interactions.map((interaction, index) => {
    const own = findings[index] ?? [];
    return {
      description: String(interaction.description ?? `interaction ${index}`),
      allowed: own.every((finding) => finding.level !== 'error'),
      findings: own,
    };
  });
  if (general.length > 0) {
    compared.push({
      description: '(the pact)',
      allowed: general.every((finding) => finding.level !== 'error'),
      findings: general,
    });
  }
  return { allowed: compared.every((interaction) => interaction.allowed), interactions: compared };
}
