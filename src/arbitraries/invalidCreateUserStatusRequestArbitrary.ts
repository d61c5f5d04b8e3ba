import fc from 'fast-check';
import { SAMPLE_CREATE_REQUEST } from '../contracts/sampleCreateRequest';
import { createUserStatusRequestArbitrary } from './createUserStatusRequestArbitrary';
import { enumCasing } from './_internals/mutations/enumCasing';
import { float } from './_internals/mutations/float';
import { int32Overflow } from './_internals/mutations/int32Overflow';
import { malformedDate } from './_internals/mutations/malformedDate';
import { missingRequired } from './_internals/mutations/missingRequired';
import type { Body, Change, Mutation } from './_internals/mutations/Mutation';
import { nonObjectBody } from './_internals/mutations/nonObjectBody';
import { nullForNonNullable } from './_internals/mutations/nullForNonNullable';
import { numericString } from './_internals/mutations/numericString';
import { protoKey } from './_internals/mutations/protoKey';
import { unknownEnumValue } from './_internals/mutations/unknownEnumValue';
import { unknownProperty } from './_internals/mutations/unknownProperty';
import { wrongODataType } from './_internals/mutations/wrongODataType';
import { wrongType } from './_internals/mutations/wrongType';
import type {
  InvalidCreateUserStatusRequest,
  RequestMutation,
} from './InvalidCreateUserStatusRequest';

/** Options of `invalidCreateUserStatusRequestArbitrary` and `invalidCreateUserStatusRequestExamples`. */
export interface InvalidCreateUserStatusRequestArbitraryOptions {
  /** Only these classes of mutation. @defaultValue every class */
  readonly mutations?: readonly RequestMutation[];
}

/** Every mutation class `invalidCreateUserStatusRequestArbitrary` knows. */
export const REQUEST_MUTATIONS: readonly RequestMutation[] = Object.freeze([
  'wrongType',
  'nullForNonNullable',
  'int32Overflow',
  'float',
  'numericString',
  'enumCasing',
  'unknownEnumValue',
  'malformedDate',
  'missingRequired',
  'unknownProperty',
  'protoKey',
  'wrongODataType',
  'nonObjectBody',
]);

/** Each mutation class: the arbitrary of its changes and its canonical examples, one file each. */
const MUTATIONS: Readonly<Record<RequestMutation, Mutation>> = {
  wrongType,
  nullForNonNullable,
  int32Overflow,
  float,
  numericString,
  enumCasing,
  unknownEnumValue,
  malformedDate,
  missingRequired,
  unknownProperty,
  protoKey,
  wrongODataType,
  nonObjectBody,
};

/**
 * Create bodies that break the contract, each in one labelled way: `{ body, violation }`, where
 * `listIssues('request', body)` reports issues only at `violation.path`, one of them with rule
 * `violation.rule`. Every class of mistake is covered: a wrong JSON type per field, `null` where
 * the contract forbids it, Int32 overflow, floats, numeric strings, enum casing and unknown values,
 * malformed dates, a missing required property, an unknown property, a `__proto__` key, a wrong `@odata.type`, an
 * empty id, and bodies that are not objects.
 *
 * Each mutation is built so that every shrink of it still breaks the contract the same way (an
 * overflow shrinks toward 2147483648, never into range), so a shrunk counterexample keeps its label.
 * @example
 * fc.assert(fc.property(invalidCreateUserStatusRequestArbitrary(), ({ body, violation }) => ...), {
 *   examples: asPropertyExamples(invalidCreateUserStatusRequestExamples()),
 * });
 */
export function invalidCreateUserStatusRequestArbitrary(
  options: InvalidCreateUserStatusRequestArbitraryOptions = {},
): fc.Arbitrary<InvalidCreateUserStatusRequest> {
  const changes = selectMutations(options).map((mutation) =>
    MUTATIONS[mutation].arbitrary().map((change) => ({ mutation, change })),
  );
  return fc
    .tuple(createUserStatusRequestArbitrary(), fc.oneof(...changes))
    .map(([base, { mutation, change }]) => labelled(base, mutation, change));
}

/**
 * The canonical invalid bodies (at least one per mutation class, on a realistic base), to be tried
 * before random ones.
 */
export function invalidCreateUserStatusRequestExamples(
  options: InvalidCreateUserStatusRequestArbitraryOptions = {},
): InvalidCreateUserStatusRequest[] {
  const base: Body = { ...SAMPLE_CREATE_REQUEST };
  return selectMutations(options).flatMap((mutation) =>
    MUTATIONS[mutation].examples.map((change) => labelled(base, mutation, change)),
  );
}

function selectMutations(
  options: InvalidCreateUserStatusRequestArbitraryOptions,
): readonly RequestMutation[] {
  const selected = options.mutations ?? REQUEST_MUTATIONS;
  if (selected.length === 0) throw new RangeError('mutations must name at least one class');
  return selected;
}

function labelled(
  base: Body,
  mutation: RequestMutation,
  change: Change,
): InvalidCreateUserStatusRequest {
  return {
    body: change.apply(base),
    violation: { path: change.path, rule: change.rule, mutation, description: change.description },
  };
}
