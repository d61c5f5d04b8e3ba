import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUILT_BIN } from '../helpers/builtBin';

/** The packages of node_modules that a run of the built bin with `args` loaded. */
async function packagesLoadedBy(args: readonly string[]): Promise<string[]> {
  const script =
    "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));" +
    `require(${JSON.stringify(join(process.cwd(), BUILT_BIN))});`;
  const { stderr } = await promisify(execFile)(process.execPath, ['-e', script, 'bin', ...args]);
  const loaded = JSON.parse(/LOADED (.*)\n/.exec(stderr)?.[1] ?? '[]') as string[];
  const packages = loaded.map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1]);
  return [...new Set(packages.filter((name): name is string => name !== undefined))].sort();
}

describe('the bin', () => {
  it('loads only commander for --help: no validator, generators, HTTP client or Pact', async () => {
    expect(await packagesLoadedBy(['--help'])).toEqual(['commander']);
    expect(await packagesLoadedBy(['fuzz', '--help'])).toEqual(['commander']);
  });

  it('loads the validator for validate, and not the generators or the fuzzer', async () => {
    const loaded = await packagesLoadedBy(['validate', 'fixtures/valid/status-compliant.json']);
    expect(loaded).toContain('ajv');
    expect(loaded).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(@faker-js\/faker|fast-check|undici)$/)]),
    );
  });
});
