import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  CONTRACT_FILES,
  contractSchemaRef,
  readContractFile,
  type ContractName,
  type RequestProfile,
} from '../contracts/registry';
import { isDateTimeOffset } from './isDateTimeOffset';

/** Whether a validator stops at the first issue (fast, for checks) or collects them all (for reports). */
export type ValidatorMode = 'first' | 'all';

const instances: Partial<Record<ValidatorMode, Ajv2020>> = {};
const compiled = new Map<string, ValidateFunction>();

function createAjv(allErrors: boolean): Ajv2020 {
  // `verbose` keeps the failing data and parent schema on each error, which the issue list needs.
  const ajv = new Ajv2020({ allErrors, verbose: allErrors, strict: true, allowUnionTypes: true });
  addFormats(ajv, { mode: 'full' });
  // ajv-formats' full date-time allocates per call and accepts what Graph's pattern refuses
  // (leap seconds, lower-case 't'/'z'); this check is exact for the contract and about 6x faster.
  ajv.addFormat('date-time', { type: 'string', validate: isDateTimeOffset });
  for (const fileName of Object.values(CONTRACT_FILES)) {
    ajv.addSchema(readContractFile(fileName) as object);
  }
  return ajv;
}

/**
 * The compiled Ajv validator of one contract (and request profile). One Ajv instance per mode is
 * created on first use and every validator is compiled once; the result must not be exposed, since
 * Ajv keeps the last errors on the function.
 */
export function compiledValidator(
  contract: ContractName,
  profile: RequestProfile,
  mode: ValidatorMode,
): ValidateFunction {
  const ref = contractSchemaRef(contract, profile);
  const key = `${mode} ${ref}`;
  let validate = compiled.get(key);
  if (validate === undefined) {
    const ajv = (instances[mode] ??= createAjv(mode === 'all'));
    validate = ajv.getSchema(ref);
    if (validate === undefined) throw new Error(`no schema registered under ${ref}`);
    compiled.set(key, validate);
  }
  return validate;
}
