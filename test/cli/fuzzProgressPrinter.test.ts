import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/CliIo';
import { fuzzProgressPrinter } from '../../src/cli/fuzzProgressPrinter';
import type { FuzzProgress } from '../../src/fuzz/fuzz';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { createProvider } from '../../src/provider/createProvider';
import { runCli } from '../helpers/runCli';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function printedWith(isTTY: boolean, env: Record<string, string>): string {
  const written: string[] = [];
  const io: CliIo = {
    stdin: Readable.from([]),
    stdoutStream: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
    stdout: () => undefined,
    stderr: (text) => void written.push(text),
    isTTY,
    env,
    interrupted: new Promise<void>(() => undefined),
  };
  const printer = fuzzProgressPrinter(io);
  const progress = (scenario: string, requests: number): FuzzProgress =>
    ({ scenario, requests, cases: requests, elapsedMs: 1000, findingsByCheck: {} }) as FuzzProgress;
  printer.update(progress('valid', 1));
  printer.update(progress('valid', 2));
  printer.update(progress('invalid', 3));
  printer.done();
  return written.join('');
}

describe('fuzzProgressPrinter', () => {
  it('rewrites one line in place on a terminal', () => {
    const text = printedWith(true, { TERM: 'xterm-256color' });
    expect(text).toContain('\r\u001b[2Kfuzz valid: 1 requests, 1 cases, 1/s');
    expect(text.endsWith('\r\u001b[2K')).toBe(true);
  });

  it.each([
    ['TERM=dumb', { TERM: 'dumb' }],
    ['NO_COLOR=1', { TERM: 'xterm', NO_COLOR: '1' }],
    ['NO_COLOR=true', { NO_COLOR: 'true' }],
  ])('prints plain lines, one per scenario, on a terminal with %s', (_name, env) => {
    const text = printedWith(true, env);
    expect(text).toBe(
      'fuzz: scenario valid (1 requests so far)\nfuzz: scenario invalid (3 requests so far)\n',
    );
    expect(text.replace(/\n/g, '')).not.toMatch(CONTROL);
  });

  it('keeps the live line when NO_COLOR is set but empty, as no-color.org says', () => {
    expect(printedWith(true, { NO_COLOR: '' })).toContain('\r\u001b[2K');
  });

  it('prints the same plain lines when standard error is not a terminal', () => {
    expect(printedWith(false, {})).toBe(
      'fuzz: scenario valid (1 requests so far)\nfuzz: scenario invalid (3 requests so far)\n',
    );
  });
});

describe('fuzz on a terminal with NO_COLOR or TERM=dumb', () => {
  it('writes no control code to standard error', async () => {
    const provider = createProvider();
    const { url } = await provider.listen({ host: '127.0.0.1', port: 0 });
    try {
      for (const env of [{ NO_COLOR: '1' }, { TERM: 'dumb' }]) {
        const { code, stderr } = await runCli(
          [
            'fuzz',
            '--base-url',
            url,
            '--token',
            DEFAULT_TOKEN,
            '--policy-id',
            DEFAULT_POLICY_ID,
            '--seed',
            '1',
            '--runs',
            '3',
          ],
          { isTTY: true, env },
        );
        expect(code).toBe(0);
        expect(stderr).toMatch(/^fuzz: scenario \S+ \(\d+ requests so far\)$/m);
        expect(stderr.replace(/\n/g, '')).not.toMatch(CONTROL);
      }
    } finally {
      await provider.close();
    }
  });
});
