import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

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
  'docs',
  'bin',
  'scripts',
  'package.json',
  'package-lock.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
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

/**
 * The top-level entries git tracks. Without a usable git (no checkout, or a checkout owned by
 * another user), the entries on disk that `.gitignore` does not ignore stand in for them.
 */
function topLevelEntries(): string[] {
  try {
    const tracked = execFileSync('git', ['-c', 'safe.directory=*', 'ls-files'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return [
      ...new Set(
        tracked
          .split('\n')
          .filter((path) => path !== '')
          .map((path) => path.split('/')[0] ?? path),
      ),
    ];
  } catch {
    const ignored = readFileSync('.gitignore', 'utf8')
      .split('\n')
      .map((line) => line.trim().replace(/\/$/, ''))
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map(
        (glob) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`),
      );
    return readdirSync('.').filter(
      (entry) => entry !== '.git' && !ignored.some((pattern) => pattern.test(entry)),
    );
  }
}

describe('the repository layout', () => {
  it('tracks nothing at the top level beyond the product, its manifests and tool configs', () => {
    const unexpected = topLevelEntries().filter((entry) => !ALLOWED_TOP_LEVEL.has(entry));
    // A run's output (fuzz-failures.json, reports) committed by mistake shows up here.
    expect(unexpected).toEqual([]);
  });
});
