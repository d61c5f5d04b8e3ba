import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The shipped .d.ts files may depend on Pact's (and the comparator's) public entry only: their
// internal `src/` paths change in minor releases, and would break a consumer's compilation.

const DIST = join(__dirname, '..', '..', 'dist');
const INTERNAL_IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|<reference\s+(?:types|path)\s*=\s*)["'](@pact-foundation\/[^"'/]+\/src(?:\/[^"']*)?|@pactflow\/[^"'/]+\/src(?:\/[^"']*)?)["']/g;

/** Every import of a peer's internal path in a declaration file's text. */
function internalImports(text: string): string[] {
  return [...text.matchAll(INTERNAL_IMPORT)].map((match) => match[1] ?? '');
}

function declarationFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return declarationFiles(path);
    return entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the shipped declarations', () => {
  it("import no internal path of Pact's or the comparator's", () => {
    if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
    const files = declarationFiles(DIST);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      internalImports(readFileSync(file, 'utf8')).map((path) => `${relative(DIST, file)}: ${path}`),
    );
    expect(found).toEqual([]);
  });

  it('the check finds internal imports in every form a declaration file can hold them', () => {
    expect(
      internalImports(
        [
          "import type { V4ConsumerPact } from '@pact-foundation/pact/src/v4/types';",
          'export declare const m: import("@pact-foundation/pact/src/v3/matchers").Matcher<string>;',
          "export { Comparator } from '@pactflow/openapi-pact-comparator/src/index';",
          '/// <reference types="@pact-foundation/pact-core/src" />',
        ].join('\n'),
      ),
    ).toEqual([
      '@pact-foundation/pact/src/v4/types',
      '@pact-foundation/pact/src/v3/matchers',
      '@pactflow/openapi-pact-comparator/src/index',
      '@pact-foundation/pact-core/src',
    ]);
  });

  it('the check lets the public entries, and mere mentions in comments, pass', () => {
    expect(
      internalImports(
        [
          "import type { PactV4 } from '@pact-foundation/pact';",
          "import type { Matcher } from '@pact-foundation/pact';",
          '/** Pact keeps its matchers in @pact-foundation/pact/src/v3/matchers. */',
          "export type Folder = 'src';",
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
