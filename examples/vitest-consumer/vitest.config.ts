import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// In this repository the package's public name points at the sources, as jest.config.ts does for
// the other examples; in your project, leave `alias` out: `npm install` provides the package.
const source = (path: string): string => resolve(__dirname, '../../src', path);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^user-status-contracts\/jest$/, replacement: source('jest/index.ts') },
      { find: /^user-status-contracts\/vitest$/, replacement: source('vitest/index.ts') },
      { find: /^user-status-contracts$/, replacement: source('index.ts') },
    ],
  },
  test: {
    include: ['**/*.vitest.ts'],
  },
});
