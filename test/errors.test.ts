import { ConnectionError, OptionError, UsageError } from '../src/errors';
import { assertLoopbackTarget } from '../src/fuzz/assertLoopbackTarget';
import { fuzz } from '../src/fuzz/fuzz';
import { verifyProvider } from '../src/pact/verifyProvider';

// Library callers pass option fields, not flags: the errors name the fields, and carry the one at
// fault as `option` (the CLI renders the same messages with its flags, see test/cli/optionFlags).
const TARGET = { baseUrl: 'http://127.0.0.1:9', token: 't', policyId: 'p' };

/** The error `promise` rejects with (or `run` throws), for a closer look than `toThrow` gives. */
async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('option errors', () => {
  it.each([
    [{ concurrency: 0 }, 'concurrency', 'concurrency must be a positive integer, not 0'],
    [{ runs: 1.5 }, 'runs', 'runs must be a positive integer, not 1.5'],
    [
      { checks: ['max_response_time' as const] },
      'maxResponseTimeMs',
      'max_response_time needs a limit: pass maxResponseTimeMs',
    ],
    [{ baseUrl: 'ftp://127.0.0.1' }, 'baseUrl', 'baseUrl must be http or https, not ftp:'],
  ])('fuzz(%j) names the option field %s', async (options, option, message) => {
    const error = await caught(() => fuzz({ ...TARGET, ...options }));
    expect(error).toBeInstanceOf(OptionError);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ code: 'E_USAGE', option, message });
  });

  it('the loopback guard tells a library caller to pass allowRemote', () => {
    const error = (() => {
      try {
        return assertLoopbackTarget('http://192.0.2.1:4010', false);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toMatchObject({ code: 'E_USAGE', option: 'allowRemote' });
    expect((error as Error).message).toMatch(/Pass allowRemote if you really mean/);
    expect((error as Error).message).not.toMatch(/--/);
    // A loopback address, or a remote one allowed, passes.
    expect(assertLoopbackTarget('http://[::1]:4010', false).hostname).toBe('[::1]');
    expect(assertLoopbackTarget('http://192.0.2.1:4010', true).hostname).toBe('192.0.2.1');
  });

  it.each([
    [{ baseUrl: 'ftp://x' }, 'baseUrl', /^baseUrl must be an http\(s\) URL/],
    [{ policyId: '' }, 'policyId', /^policyId must not be empty$/],
    [{ timeoutMs: 0 }, 'timeoutMs', /^timeoutMs must be at least 1 \(milliseconds\), not 0$/],
    [{ publish: true }, 'providerVersion', /^publish needs providerVersion \(e\.g\./],
    [{ enablePending: true }, 'enablePending', /^enablePending only applies .*give brokerUrl too$/],
    [{ pacts: [] as string[] }, 'pacts', /^no pact to verify: give pacts or brokerUrl$/],
  ])('verifyProvider(%j) names the option field %s', async (options, option, message) => {
    const error = await caught(() => verifyProvider({ ...TARGET, ...options }));
    expect(error).toBeInstanceOf(OptionError);
    expect(error).toMatchObject({ code: 'E_USAGE', option });
    expect((error as Error).message).toMatch(message);
  });

  it('renders a message with other names on request, and keeps a plain message as it is', () => {
    const error = new OptionError(
      'pacts',
      (name) => `give ${name('pacts', 'FILE')} or ${name('brokerUrl')}`,
    );
    expect(error.message).toBe('give pacts or brokerUrl');
    expect(error.messageNaming((option, argument) => `<${option}${argument ?? ''}>`)).toBe(
      'give <pactsFILE> or <brokerUrl>',
    );
    const plain = new ConnectionError('http://127.0.0.1:9', 'cannot reach it');
    expect(plain.option).toBeUndefined();
    expect(plain.messageNaming(() => 'ignored')).toBe('cannot reach it');
  });
});
