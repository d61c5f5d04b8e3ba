import { execFile } from 'node:child_process';
import { join } from 'node:path';

// The Vitest example runs under Vitest itself; this Jest test starts it, so `npm test` covers it.
describe('the Vitest example', () => {
  it('passes under Vitest: matchers registered with expect.extend, typed, asymmetric too', async () => {
    const vitest = join('node_modules', 'vitest', 'vitest.mjs');
    const { code, output } = await new Promise<{ code: number | null; output: string }>(
      (resolve) => {
        const child = execFile(
          process.execPath,
          [vitest, 'run', '--root', join('examples', 'vitest-consumer')],
          { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 120_000 },
          (_error, stdout, stderr) => resolve({ code: child.exitCode, output: stdout + stderr }),
        );
      },
    );
    expect(output).toMatch(/Tests {2}4 passed \(4\)/);
    expect(code).toBe(0);
  }, 150_000);
});
