import { join } from 'node:path';

/** The built bin, relative to the repository root (`npm test` builds dist/ before Jest runs). */
export const BUILT_BIN = join('dist', 'cli', 'main.js');
