import type { FactoryTrait } from '../factories/factoryTraits';

/** What `generate` produces: entities, create bodies, or create bodies that break the contract. */
export type GenerateKind = 'entity' | 'request' | 'invalid';

/** Every kind `generate --kind` accepts. */
export const GENERATE_KINDS: readonly GenerateKind[] = ['entity', 'request', 'invalid'];

/** Options of `generate`, checked and typed. */
export interface GenerateOptions {
  /** @defaultValue `'entity'` */
  readonly kind: GenerateKind;
  /** How many documents. @defaultValue `10` */
  readonly count: number;
  /** The seed every document derives from. @defaultValue `1` */
  readonly seed: number;
  /** Factory traits applied in order (entity and request kinds). @defaultValue `[]` */
  readonly traits: readonly FactoryTrait[];
  /** For `invalid`: emit `{ body, violation }` instead of the bare body. @defaultValue `false` */
  readonly labels: boolean;
  /** Indent each document (the output is then not NDJSON). @defaultValue `false` */
  readonly pretty: boolean;
  /** Write to this file instead of standard output. @defaultValue standard output */
  readonly out?: string;
}
