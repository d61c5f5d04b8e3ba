import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docBlocks, docPages, recipeOf, withoutImports } from './docBlocks';

describe('docPages', () => {
  it('lists README.md first, then the pages under docs/', () => {
    const pages = docPages();
    expect(pages[0]).toBe('README.md');
    expect(pages).toContain('docs/cli.md');
    expect(pages.slice(1).every((page) => page.startsWith('docs/'))).toBe(true);
  });
});

describe('docBlocks', () => {
  it('finds every block of a page with its language, line and the markers above it', () => {
    const blocks = docBlocks('docs/jest-matchers.md');
    expect(blocks.map((block) => block.lang)).toEqual(['ts', 'text', 'ts', 'ts']);
    expect(blocks[0]?.markers['ts-context']).toMatch(/^import type \{ Express \}.*RequestInit;$/);
    expect(blocks[1]?.markers['tested-by']).toBe('test/jest/docsFailureExample.test.ts');
    expect(blocks[1]?.code.startsWith('expect(received).toMatchUserStatusContract()')).toBe(true);
  });
});

describe('withoutImports', () => {
  it('drops leading imports, single-line and multi-line, and keeps the rest', () => {
    const code = [
      "import 'side-effect';",
      "import { a } from 'a';",
      'import {',
      '  b,',
      "} from 'b';",
      '',
      '// The code under test: yours.',
      "const c = 'import x from y';",
    ].join('\n');
    expect(withoutImports(code)).toBe(
      "// The code under test: yours.\nconst c = 'import x from y';",
    );
  });
});

describe('recipeOf', () => {
  it('gives the code between the recipe markers, and nothing for a file without them', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'recipe-of-'));
    try {
      const marked = join(scratch, 'marked.test.ts');
      writeFileSync(
        marked,
        "import x from 'x';\n// --- recipe ---\nconst a = 1;\n\n// --- end of recipe ---\nit();\n",
      );
      const unmarked = join(scratch, 'unmarked.test.ts');
      writeFileSync(unmarked, 'const a = 1;\n');
      expect([recipeOf(marked), recipeOf(unmarked)]).toEqual(['const a = 1;', undefined]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
