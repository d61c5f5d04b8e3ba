import { docBlocks, docPages, withoutImports } from './docBlocks';

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
