import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The TypeScript snippets of one README section, from the line `// The code under test: yours.`
 * on (the imports above it differ between README and tests: package name versus source paths).
 */
export function readmeSnippets(section: string): string[] {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${section}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${section}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  const text = readme.slice(start, end < 0 ? undefined : end);
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => {
    const code = match[1] ?? '';
    const marker = code.indexOf('// The code under test: yours.');
    return (marker < 0 ? code : code.slice(marker)).trim();
  });
}
