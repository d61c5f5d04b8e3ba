import { CONTRACT_FILES, readContractFile } from './registry';
import type { CreateUserStatusRequest } from './types.generated';
import { valueAtPointer } from './valueAtPointer';

/** A property a create body may carry. */
export type RequestProperty = keyof CreateUserStatusRequest;

type SchemaNode = Readonly<Record<string, unknown>>;

interface RequestSchemaShape {
  readonly $defs: {
    readonly documented: {
      readonly properties: Readonly<Record<RequestProperty, SchemaNode>>;
      readonly required: readonly RequestProperty[];
    };
  };
}

const documented = (readContractFile(CONTRACT_FILES.request) as RequestSchemaShape).$defs
  .documented;

/** The properties a create body may carry, in the request schema's order (read from `contracts/`). */
export const REQUEST_PROPERTIES: readonly RequestProperty[] = Object.freeze(
  Object.keys(documented.properties) as RequestProperty[],
);

/** The properties the documented create requires, in the schema's `required` order. */
export const REQUIRED_REQUEST_PROPERTIES: readonly RequestProperty[] = Object.freeze([
  ...documented.required,
]);

/**
 * The JSON types the request schema allows for each property (`['string', 'null']` for a name,
 * `['integer']` for `devicesCount`), following `$ref`s into the entity schema; `[]` for a property
 * fixed by `const` (`@odata.type`).
 */
export const REQUEST_PROPERTY_TYPES: Readonly<Record<RequestProperty, readonly string[]>> =
  Object.freeze(
    Object.fromEntries(
      REQUEST_PROPERTIES.map((name) => [
        name,
        Object.freeze(typesOf(resolve(documented.properties[name], CONTRACT_FILES.request))),
      ]),
    ) as Record<RequestProperty, readonly string[]>,
  );

/** Follows a node's `$ref` chain (`file.json#/pointer` or `#/pointer`) through `contracts/`. */
function resolve(node: SchemaNode, file: string): SchemaNode {
  let current = node;
  let base = file;
  for (let hops = 0; typeof current['$ref'] === 'string'; hops++) {
    if (hops > 16) throw new Error(`a $ref loop in ${file}`);
    const [target = '', pointer = ''] = current['$ref'].split('#');
    if (target !== '') base = target;
    const found = valueAtPointer(readContractFile(base), pointer, { uriFragment: true });
    if (typeof found !== 'object' || found === null) {
      throw new Error(`"${current['$ref']}" points at nothing in ${base}`);
    }
    current = found as SchemaNode;
  }
  return current;
}

function typesOf(node: SchemaNode): string[] {
  const type = node['type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? (type as string[]) : [];
}
