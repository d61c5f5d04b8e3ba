import { join } from 'node:path';

/** Absolute path of the `contracts/` folder shipped with the package (the single source of truth). */
export const contractsDirectory: string = join(__dirname, '..', '..', 'contracts');
