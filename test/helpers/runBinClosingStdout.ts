import { spawn } from 'node:child_process';
import { BUILT_BIN } from './builtBin';

/**
 * Runs the built bin with `args` and closes its standard output after the first output arrives,
 * as `... | head -1` does; resolves to the exit code and standard error once it exits.
 */
export function runBinClosingStdout(
  args: readonly string[],
  stdin = '',
  options: { closeStderr?: boolean } = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [BUILT_BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  // With closeStderr, standard error is closed before the bin writes a byte (`2>&1 | head -c 0`).
  if (options.closeStderr === true) child.stderr.destroy();
  else child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
  child.stdout.once('data', () => child.stdout.destroy());
  child.stdin.on('error', () => undefined); // the child may exit before reading everything
  child.stdin.end(stdin);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
}
