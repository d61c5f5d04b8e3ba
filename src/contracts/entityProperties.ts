import { CONTRACT_FILES, readContractFile } from './registry';
import type { DeviceComplianceUserStatus } from './types.generated';

/** A property every returned status carries (not an annotation). */
export type RequiredEntityProperty = Exclude<
  keyof DeviceComplianceUserStatus,
  `${string}@${string}`
>;

interface EntitySchemaShape {
  readonly required: readonly RequiredEntityProperty[];
}

/** The properties every returned status carries, in the entity schema's `required` order. */
export const REQUIRED_ENTITY_PROPERTIES: readonly RequiredEntityProperty[] = Object.freeze([
  ...(readContractFile(CONTRACT_FILES.entity) as EntitySchemaShape).required,
]);
