// `npm test`: the build, the lint checks and the Jest runs, with the lint checks beside Jest rather
// than before it. Jest leaves a core idle much of the time (its files wait on sockets, timers and
// child processes), and lint needs neither the build nor Jest, so running them side by side takes
// about the time of the longer one. Every step still runs, and any failing step fails `npm test`.
//
// Order kept: the consumer Pact tests (which may rewrite pacts/) finish before the other Jest files
// (which replay pacts/) start, and the build finishes before them too (some run dist/). Jest's
// output streams as usual; the lint output is held and printed whole after Jest's, so the two
// never interleave.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const JEST = require.resolve('jest/bin/jest');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Runs a command to its end. With `capture`, stdout and stderr go into one string (in arrival
 * order) instead of to the terminal.
 */
function run(label, command, args, { capture = false } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      shell: command === NPM && process.platform === 'win32',
      env: capture && process.stdout.isTTY ? { FORCE_COLOR: '1', ...process.env } : process.env,
    });
    let output = '';
    if (capture) {
      child.stdout.on('data', (data) => (output += data));
      child.stderr.on('data', (data) => (output += data));
    }
    const finish = (code, error) =>
      resolve({ label, code, output, error, seconds: (Date.now() - started) / 1000 });
    child.once('error', (error) => finish(null, error));
    child.once('close', (code, signal) => finish(code ?? signal, undefined));
  });
}

const passed = (step) => step.code === 0;

/** Prints a step's held output under a heading that says whether it passed. */
function printHeld(step, before = '') {
  process.stdout.write(`${before}---- ${step.label}: ${passed(step) ? 'passed' : 'FAILED'} ----\n`);
  process.stdout.write(step.output);
  if (step.error) process.stdout.write(`${step.error.message}\n`);
}

const skipped = (label, reason) => ({ label, code: 'skipped', output: '', reason, seconds: 0 });

const consumer = run('jest test/contract/consumer', process.execPath, [
  JEST,
  'test/contract/consumer',
]);
// The build's output is held too, and printed in one piece, as the consumer tests run meanwhile.
const build = await run('npm run build', NPM, ['run', 'build', '--silent'], { capture: true });
if (build.output !== '' || build.error) printHeld(build);
// Started after the build, which the Jest files wait for, so as not to slow it down.
const lint = run('npm run lint', NPM, ['run', 'lint', '--silent'], { capture: true });
const consumerDone = await consumer;
const rest =
  !passed(build) || !passed(consumerDone)
    ? skipped('jest (all other files)', 'the build or the consumer tests failed')
    : await run('jest (all other files)', process.execPath, [
        JEST,
        // `npm test -- ARGS` passes ARGS on to this run. First: the ignore pattern takes a list,
        // and would take file arguments after it for more patterns.
        ...process.argv.slice(2),
        '--testPathIgnorePatterns=/test/contract/consumer/',
      ]);
const lintDone = await lint;

printHeld(lintDone, '\n');

const steps = [build, lintDone, consumerDone, rest];
process.stdout.write('\n---- npm test ----\n');
for (const step of steps) {
  const verdict = passed(step)
    ? 'passed'
    : step.code === 'skipped'
      ? `skipped (${step.reason})`
      : `FAILED (exit ${String(step.code)}${step.error ? `, ${step.error.message}` : ''})`;
  process.stdout.write(`${step.label}: ${verdict}, ${step.seconds.toFixed(1)} s\n`);
}
process.exitCode = steps.every(passed) ? 0 : 1;
