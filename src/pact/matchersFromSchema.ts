// At run time the matchers' own module: the package root also loads the verifier, whose ESM-only
// proxy agent Jest cannot require. Types only from the package root, which semver covers.
import type { Matcher } from '@pact-foundation/pact';
import * as MatchersV3 from '@pact-foundation/pact/src/v3/matchers';
import { RFC3339_DATE_TIME_PATTERN } from '../contracts/dateTimeOffset';
import { readContractFile } from '../contracts/registry';
import { valueAtPointer } from '../contracts/valueAtPointer';
import { UsageError } from '../errors';

/** A Pact body template: plain JSON where the value must be exact, V3 matchers where it may vary. */
export type MatcherTree =
  | Matcher<unknown>
  | string
  | number
  | boolean
  | null
  | readonly MatcherTree[]
  | { readonly [key: string]: MatcherTree };

/** Options of `matchersFromSchema`. */
export interface MatchersFromSchemaOptions {
  /**
   * The document `#/...` references resolve in.
   * @defaultValue the schema itself
   */
  readonly root?: object;
  /**
   * Reads the document another file's reference names (`other.schema.json#/properties/id`).
   * @defaultValue reads it from `contracts/`
   */
  readonly readDocument?: (fileName: string) => unknown;
}

type SchemaNode = Readonly<Record<string, unknown>>;

interface Walk {
  readonly root: SchemaNode;
  readonly readDocument: (fileName: string) => unknown;
}

/**
 * Turns an example into the Pact matcher tree its JSON Schema implies, so the pact allows what the
 * contract allows and no more: `integer` where the type is integer, a regex of the values for an
 * `enum`, the schema's own `pattern` as a regex (JSON Schema patterns and Pact regexes both match
 * anywhere unless anchored, so the pattern carries over as written), the exact value for a `const`,
 * and a type match for other strings, numbers and booleans. A nullable property (`["string",
 * "null"]`) cannot be said in Pact: the example decides, `null` staying an exact `null`. Objects
 * are walked property by property; only the properties present in the example are in the tree.
 * @throws UsageError when the example does not fit the schema's types, or the schema uses a
 * keyword this derivation cannot express (`anyOf`, `oneOf`, `allOf`, `not`, `if`).
 * @example
 * matchersFromSchema(contractSchema('entity'), userStatusFactory.build());
 */
export function matchersFromSchema(
  schema: object,
  example: unknown,
  options: MatchersFromSchemaOptions = {},
): MatcherTree {
  const walk: Walk = {
    root: (options.root ?? schema) as SchemaNode,
    readDocument: options.readDocument ?? readContractFile,
  };
  return derive(schema as SchemaNode, example, '$', walk);
}

const UNSUPPORTED = ['anyOf', 'oneOf', 'allOf', 'not', 'if'] as const;

function derive(node: SchemaNode, example: unknown, path: string, walk: Walk): MatcherTree {
  const { schema, root } = resolve(node, path, walk);
  const scoped: Walk = root === walk.root ? walk : { ...walk, root };
  for (const keyword of UNSUPPORTED) {
    if (keyword in schema) {
      throw new UsageError(
        `cannot derive Pact matchers at ${path}: the schema uses "${keyword}", which a single example cannot stand for`,
      );
    }
  }
  if ('const' in schema) return exact(example, path);
  if (Array.isArray(schema['enum'])) return enumMatcher(schema['enum'], example, path);
  const type = jsonType(example, path);
  const allowed = allowedTypes(schema);
  if (
    allowed !== undefined &&
    !allowed.has(type) &&
    !(type === 'integer' && allowed.has('number'))
  ) {
    throw new UsageError(
      `the example at ${path} is ${type === 'integer' ? 'an integer' : `a ${type}`}, but the schema allows ${[...allowed].join(' or ')}`,
    );
  }
  switch (type) {
    case 'null':
      return null;
    case 'integer':
      return allowed === undefined || allowed.has('integer')
        ? MatchersV3.integer(example as number)
        : MatchersV3.number(example as number);
    case 'number':
      return MatchersV3.number(example as number);
    case 'boolean':
      return MatchersV3.boolean(example as boolean);
    case 'string':
      return stringMatcher(schema, example as string);
    case 'array':
      return arrayMatcher(schema, example as unknown[], path, scoped);
    case 'object':
      return objectMatcher(schema, example as Record<string, unknown>, path, scoped);
  }
}

function stringMatcher(schema: SchemaNode, example: string): MatcherTree {
  if (typeof schema['pattern'] === 'string') return MatchersV3.regex(schema['pattern'], example);
  // A date-time format without a pattern gets RFC 3339 with an offset, as JSON Schema defines it.
  if (schema['format'] === 'date-time') return MatchersV3.regex(RFC3339_DATE_TIME_PATTERN, example);
  return MatchersV3.string(example);
}

function enumMatcher(values: readonly unknown[], example: unknown, path: string): MatcherTree {
  if (typeof example !== 'string' || !values.every((value) => typeof value === 'string')) {
    return exact(example, path);
  }
  const alternatives = (values as string[]).map(escapeRegex).join('|');
  return MatchersV3.regex(`^(${alternatives})$`, example);
}

function arrayMatcher(
  schema: SchemaNode,
  example: readonly unknown[],
  path: string,
  walk: Walk,
): MatcherTree {
  const items = schema['items'];
  if (example.length === 0 || typeof items !== 'object' || items === null) {
    return MatchersV3.like(example as MatcherTree[]);
  }
  return MatchersV3.eachLike(derive(items as SchemaNode, example[0], `${path}[0]`, walk), 1);
}

function objectMatcher(
  schema: SchemaNode,
  example: Readonly<Record<string, unknown>>,
  path: string,
  walk: Walk,
): MatcherTree {
  const properties = (schema['properties'] ?? {}) as Readonly<Record<string, SchemaNode>>;
  const patterns = (schema['patternProperties'] ?? {}) as Readonly<Record<string, SchemaNode>>;
  const additional = schema['additionalProperties'];
  const tree: Record<string, MatcherTree> = {};
  for (const [key, value] of Object.entries(example)) {
    const at = /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}['${key}']`;
    const propertySchema =
      (Object.hasOwn(properties, key) ? properties[key] : undefined) ??
      Object.entries(patterns).find(([pattern]) => new RegExp(pattern, 'u').test(key))?.[1] ??
      (typeof additional === 'object' && additional !== null
        ? (additional as SchemaNode)
        : undefined);
    if (propertySchema === undefined) {
      if (additional === false) {
        throw new UsageError(`the example has a property ${at} the schema does not allow`);
      }
      tree[key] = MatchersV3.like(value as MatcherTree);
      continue;
    }
    tree[key] = derive(propertySchema, value, at, walk);
  }
  return tree;
}

/** Follows `$ref` chains; the referenced schema's keywords win, the referrer's annotations stay. */
function resolve(
  node: SchemaNode,
  path: string,
  walk: Walk,
): { schema: SchemaNode; root: SchemaNode } {
  let schema = node;
  let root = walk.root;
  for (let hops = 0; typeof schema['$ref'] === 'string'; hops++) {
    if (hops > 32) throw new UsageError(`cannot derive Pact matchers at ${path}: a $ref loop`);
    const ref = schema['$ref'];
    const hash = ref.indexOf('#');
    const file = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : ref.slice(hash + 1);
    if (file !== '') root = walk.readDocument(file.slice(file.lastIndexOf('/') + 1)) as SchemaNode;
    const { $ref: _ref, ...siblings } = schema;
    schema = { ...siblings, ...pointAt(root, pointer, ref, path) };
  }
  return { schema, root };
}

function pointAt(root: SchemaNode, pointer: string, ref: string, path: string): SchemaNode {
  const target = valueAtPointer(root, pointer, { uriFragment: true });
  if (typeof target !== 'object' || target === null) {
    throw new UsageError(`cannot derive Pact matchers at ${path}: "${ref}" points at nothing`);
  }
  return target as SchemaNode;
}

type JsonType = 'null' | 'integer' | 'number' | 'boolean' | 'string' | 'array' | 'object';

function jsonType(value: unknown, path: string): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) break;
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'string':
    case 'boolean':
    case 'object':
      return typeof value as JsonType;
    default:
  }
  throw new UsageError(`the example at ${path} is not JSON (${String(value)})`);
}

function allowedTypes(schema: SchemaNode): ReadonlySet<string> | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(type as string[]);
  return 'properties' in schema ? new Set(['object']) : undefined;
}

function exact(example: unknown, path: string): MatcherTree {
  jsonType(example, path);
  return example as MatcherTree;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
