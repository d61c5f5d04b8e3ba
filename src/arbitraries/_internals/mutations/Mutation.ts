import type fc from 'fast-check';

/** A valid body to break (never mutated). */
export type Body = object;

/** One labelled way to break a valid body; `apply` returns a new value and never mutates `base`. */
export interface Change {
  readonly apply: (base: Body) => unknown;
  readonly path: string;
  readonly rule: string;
  readonly description: string;
}

/** One class of mutation: the arbitrary of its changes, and its canonical examples. */
export interface Mutation {
  readonly arbitrary: () => fc.Arbitrary<Change>;
  readonly examples: readonly Change[];
}
