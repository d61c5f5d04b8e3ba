import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../helpers/runCommand';

// The bin is a launcher that git keeps executable and the build never writes. It runs dist/; where
// dist/ is missing outside a checkout (a git dependency, which npm does not build), it says so.

const ROOT = join(__dirname, '..', '..');
const LAUNCHER = join(ROOT, 'bin', 'user-status-contracts.js');

let copy = '';

beforeEach(async () => {
  copy = await mkdtemp(join(tmpdir(), 'user-status-contracts-bin-'));
  await mkdir(join(copy, 'bin'));
  await copyFile(LAUNCHER, join(copy, 'bin', 'user-status-contracts.js'));
});

afterEach(async () => {
  await rm(copy, { recursive: true, force: true });
});

describe('the bin launcher', () => {
  it('is what package.json names, with a shebang, and executable in git', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(manifest.bin).toEqual({ 'user-status-contracts': 'bin/user-status-contracts.js' });
    const staged = execFileSync(
      'git',
      ['-c', 'safe.directory=*', 'ls-files', '-s', 'bin/user-status-contracts.js'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    // Without git (an exported copy), the mode cannot be read; the fresh-clone test checks it too.
    if (staged !== '') expect(staged).toMatch(/^100755 /);
    expect(readFileSync(LAUNCHER, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('runs the built CLI with the arguments as given', async () => {
    await mkdir(join(copy, 'dist', 'cli'), { recursive: true });
    await writeFile(
      join(copy, 'dist', 'cli', 'main.js'),
      'process.stdout.write(JSON.stringify(process.argv.slice(2)));',
    );
    const result = await runCommand(copy, process.execPath, [
      join(copy, 'bin', 'user-status-contracts.js'),
      'validate',
      '-',
    ]);
    expect(result).toEqual({ code: 0, stdout: '["validate","-"]', stderr: '' });
  });

  it('without dist/ and outside a checkout, says it is not built and exits 2', async () => {
    const result = await runCommand(copy, process.execPath, [
      join(copy, 'bin', 'user-status-contracts.js'),
      '--help',
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^error: this copy of user-status-contracts is not built .*install the package from a packed tarball \(npm pack\), not from git/,
    );
  });
});
