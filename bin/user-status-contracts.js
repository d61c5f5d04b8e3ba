#!/usr/bin/env node
'use strict';
// The `user-status-contracts` bin: it runs the CLI built in dist/. The compiler never writes this
// file, so it stays executable however often dist/ is rebuilt. The package runs no script when it
// is installed, so in a fresh checkout of the repository (`npm ci`) nothing has built dist/ yet:
// there, and only there (tsconfig.build.json is not shipped), the first run builds it.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const main = join(root, 'dist', 'cli', 'main.js');
const buildConfig = join(root, 'tsconfig.build.json');

/** Builds dist/ as `npm run build` does; the compiler's output goes to stderr, never stdout. */
function build() {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    return false;
  }
  process.stderr.write('user-status-contracts: building dist/ first (npm run build)\n');
  const { spawnSync } = require('node:child_process');
  const built = spawnSync(process.execPath, [tsc, '-p', buildConfig], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  return built.status === 0 && existsSync(main);
}

if (existsSync(main) || (existsSync(buildConfig) && build())) {
  require(main);
} else {
  // A git dependency gets here: npm installs it without building it.
  process.stderr.write(
    `error: this copy of user-status-contracts is not built (${main} is missing): install the package from a packed tarball (npm pack), not from git; in its repository, run "npm ci" and then "npm run build"\n`,
  );
  process.exitCode = 2;
}
