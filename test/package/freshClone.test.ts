import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCommand } from '../helpers/runCommand';

// What a newcomer does first: clone, `npm ci`, `npx user-status-contracts --help`. `npm ci` runs
// no build (the package has no install-time script), so the bin's first run builds dist/. The
// clone holds the committed HEAD: uncommitted changes are not in it.

const ROOT = resolve(__dirname, '..', '..');
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];
const hasGit = existsSync(join(ROOT, '.git'));

let clone = '';

afterAll(async () => {
  if (clone !== '') await rm(clone, { recursive: true, force: true });
});

function isExecutable(file: string): boolean {
  // Windows has no execute bit; there npm writes a .cmd shim instead.
  return process.platform === 'win32' || (statSync(file).mode & 0o111) === 0o111;
}

(hasGit ? it : it.skip)(
  'npm ci && npx user-status-contracts --help works in a fresh clone, also after a rebuild',
  async () => {
    clone = await mkdtemp(join(tmpdir(), 'user-status-contracts-clone-'));
    const checkout = join(clone, 'repo');
    execFileSync('git', ['-c', 'safe.directory=*', 'clone', '--quiet', ROOT, checkout], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Never install into this repository: its node_modules is shared.
    expect(existsSync(join(checkout, 'package.json'))).toBe(true);
    expect(checkout).not.toBe(ROOT);
    const bin = join(checkout, 'bin', 'user-status-contracts.js');
    expect(isExecutable(bin)).toBe(true);

    const ci = await runCommand(checkout, 'npm', ['ci', ...NPM_FLAGS], { timeoutMs: 200_000 });
    expect([ci.code, ci.stderr]).toEqual([0, expect.any(String)]);
    expect(existsSync(join(checkout, 'dist'))).toBe(false);

    const first = await runCommand(checkout, 'npx', ['user-status-contracts', '--help']);
    expect([first.code, first.stderr]).toEqual([0, expect.stringMatching(/building dist\//)]);
    expect(first.stdout).toMatch(/^Usage: user-status-contracts \[options\] \[command\]/);
    expect(first.stdout).toMatch(/validate .*\n/);
    expect(first.stdout).toMatch(/Exit codes: 0 clean/);

    // `npm pack` builds again (prepack), as a rebuild after the first run does; the bin stays
    // executable, because the build never writes it.
    const packed = await runCommand(checkout, 'npm', ['pack', '--json', ...NPM_FLAGS]);
    expect(packed.code).toBe(0);
    expect(packed.stderr).toMatch(/tsc -p tsconfig\.build\.json/);
    const [tarball] = JSON.parse(packed.stdout) as Array<{ files: Array<{ path: string }> }>;
    expect(tarball?.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['bin/user-status-contracts.js', 'dist/cli/main.js']),
    );
    expect(isExecutable(bin)).toBe(true);

    const again = await runCommand(checkout, 'npx', ['user-status-contracts', '--help']);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(again.stdout).toBe(first.stdout);
  },
  300_000,
);

if (!hasGit) {
  it.skip('(skipped: this copy of the project has no .git, so there is nothing to clone)', () => {
    // A checkout without git history cannot be cloned; the packed-package test still runs.
  });
}
