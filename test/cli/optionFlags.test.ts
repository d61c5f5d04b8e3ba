import { OptionError, UsageError } from '../../src/errors';
import { handleError } from '../../src/cli/handleError';
import { OPTION_FLAGS, optionFlag } from '../../src/cli/optionFlags';
import { runCli } from '../helpers/runCli';

// The CLI prints the library's option errors with its flags, from one table.
function capture(error: unknown): string {
  let stderr = '';
  handleError(error, {
    stdout: () => undefined,
    stderr: (text: string) => void (stderr += text),
    env: {},
  } as unknown as Parameters<typeof handleError>[1]);
  return stderr;
}

describe('option flags', () => {
  it('names an option by its flag, with its argument, and leaves an unknown name as it is', () => {
    expect(optionFlag('baseUrl')).toBe('--base-url');
    expect(optionFlag('pacts', 'FILE_OR_URL')).toBe('--pact FILE_OR_URL');
    expect(optionFlag('notAnOption')).toBe('notAnOption');
    expect(optionFlag('toString')).toBe('toString');
  });

  it('maps every option to a flag some verb has', async () => {
    const helps = await Promise.all(
      ['fuzz', 'verify', 'check'].map(async (verb) => (await runCli([verb, '--help'])).stdout),
    );
    for (const flag of new Set(Object.values(OPTION_FLAGS))) {
      expect([
        flag,
        helps.some((help) => help.includes(`${flag} `) || help.includes(`${flag},`)),
      ]).toEqual([flag, true]);
    }
  });

  it('prints an option error with flags, and a plain usage error as it is', () => {
    const error = new OptionError(
      'concurrency',
      (name) => `${name('concurrency')} must be a positive integer, not 0`,
    );
    expect(error.message).toBe('concurrency must be a positive integer, not 0');
    expect(capture(error)).toBe(
      'error: --concurrency must be a positive integer, not 0\nRun with --help to see the options.\n',
    );
    expect(capture(new UsageError('baseUrl is a word here'))).toMatch(
      /^error: baseUrl is a word here\n/,
    );
  });

  it('fuzz refuses a remote target naming --allow-remote, before sending anything', async () => {
    const result = await runCli([
      'fuzz',
      '--base-url',
      'http://192.0.2.1:4010',
      '--token',
      't',
      '--policy-id',
      'p',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Pass --allow-remote if you really mean to test that server\./);
  });

  it('verify names --publish and --provider-version where the library names the fields', async () => {
    const result = await runCli([
      'verify',
      '--base-url',
      'http://127.0.0.1:9',
      '--policy-id',
      'p',
      '--publish',
      '--broker-url',
      'http://127.0.0.1:9',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error: --publish needs --provider-version \(e\.g\. the commit SHA\) to publish results for\n/,
    );
  });
});
