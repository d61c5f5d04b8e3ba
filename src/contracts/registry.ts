import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractsDirectory } from './contractsDirectory';

/** The contracts a value can be checked against. */
export type ContractName = 'entity' | 'request' | 'error';

/** The two request profiles: `documented` (the Create page, the default) and `graph-metadata` (all optional). */
export type RequestProfile = 'documented' | 'graph-metadata';

/** Every contract name, in a stable order. */
export const CONTRACT_NAMES: readonly ContractName[] = ['entity', 'request', 'error'];

/** Every request profile, the default first. */
export const REQUEST_PROFILES: readonly RequestProfile[] = ['documented', 'graph-metadata'];

/** A JSON Schema document as parsed from `contracts/`. */
export type JsonSchemaDocument = Readonly<Record<string, unknown>> & { readonly $id: string };

/** File names of the schema documents in `contracts/`, by contract. */
export const CONTRACT_FILES: Readonly<Record<ContractName, string>> = {
  entity: 'device-compliance-user-status.schema.json',
  request: 'create-user-status-request.schema.json',
  error: 'odata-error.schema.json',
};

const cache = new Map<string, unknown>();

/** Reads and parses one JSON file of `contracts/` (cached; callers must not mutate the result). */
export function readContractFile(fileName: string): unknown {
  let document = cache.get(fileName);
  if (document === undefined) {
    document = JSON.parse(readFileSync(join(contractsDirectory, fileName), 'utf8')) as unknown;
    cache.set(fileName, document);
  }
  return document;
}

/** The schema document of one contract, as written in `contracts/`. */
export function contractSchema(contract: ContractName): JsonSchemaDocument {
  return readContractFile(CONTRACT_FILES[contract]) as JsonSchemaDocument;
}

/** The `$id`-relative reference that selects a contract (and, for requests, a profile). */
export function contractSchemaRef(
  contract: ContractName,
  profile: RequestProfile = 'documented',
): string {
  const { $id } = contractSchema(contract);
  return contract === 'request' ? `${$id}#/$defs/${profile}` : $id;
}
