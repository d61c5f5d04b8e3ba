import { execFileSync } from 'node:child_process';

/** What the top level of the repository may hold: the product's folders, its manifests, tool configs. */
const ALLOWED_TOP_LEVEL = new Set([
  // the product
  'contracts',
  'fixtures',
  'src',
  'test',
  'pacts',
  'examples',
  'bench',
  'package.json',
  'package-lock.json',
  'README.md',
  // CI and tool configuration
  '.ci',
  '.gitignore',
  '.prettierignore',
  '.prettierrc.json',
  'eslint.config.mjs',
  'jest.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
]);

describe('the repository layout', () => {
  it('tracks nothing at the top level beyond the product, its manifests and tool configs', () => {
    const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
      .split('\n')
      .filter((path) => path !== '')
      .map((path) => path.split('/')[0] ?? path);
    const unexpected = [...new Set(tracked)].filter((entry) => !ALLOWED_TOP_LEVEL.has(entry));
    // A run's output (fuzz-failures.json, reports) committed by mistake shows up here.
    expect(unexpected).toEqual([]);
  });
});
