import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// Packs the package as `npm publish` would, installs the tarball into a new project, and uses it
// the way a user does: CommonJS and ESM imports of every entry, the types, and the bin.

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
const ENV = { ...process.env, PACT_DO_NOT_TRACK: 'true', npm_config_update_notifier: 'false' };

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command in the consumer project; never throws on a non-zero exit. */
async function inProject(cwd: string, file: string, args: readonly string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env: ENV, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? String(error),
    };
  }
}

let project = '';
let tarballFiles: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
  }
  project = await mkdtemp(join(tmpdir(), 'user-status-contracts-consumer-'));
  // dist/ is already built by `npm test`; the prepare script would only build it again.
  const { stdout } = await run(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', project],
    { cwd: ROOT, env: ENV },
  );
  const [packed] = JSON.parse(stdout) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  if (!packed) throw new Error(`npm pack printed no package: ${stdout}`);
  tarballFiles = packed.files.map((file) => file.path);
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
  );
  // msw is an optional peer dependency: a consumer who uses the mocks installs it beside us.
  const { version: mswVersion } = JSON.parse(
    await readFile(join(ROOT, 'node_modules', 'msw', 'package.json'), 'utf8'),
  ) as { version: string };
  const installed = await inProject(project, 'npm', [
    'install',
    join(project, packed.filename),
    `msw@${mswVersion}`,
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
  ]);
  if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.stderr}`);
}, 240_000);

afterAll(async () => {
  if (project !== '') await rm(project, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships the build, its types, the contracts and fixtures, and no tests or sources', () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/cli/main.js',
        'dist/jest/index.d.ts',
        'dist/msw/index.d.ts',
        'dist/pact/index.d.ts',
        'dist/provider/index.d.ts',
        'contracts/openapi.json',
        'contracts/device-compliance-user-status.schema.json',
        'fixtures/fixtures.json',
      ]),
    );
    expect(tarballFiles.filter((file) => /^(test|src|bench|examples)\//.test(file))).toEqual([]);
  });

  it('loads every entry from CommonJS, the main one without the Pact core', async () => {
    const script = `
      const main = require('user-status-contracts');
      const pactLoaded = Object.keys(require.cache).some((file) => file.includes('@pact-foundation'));
      const status = main.userStatusFactory.build();
      const provider = require('user-status-contracts/provider');
      const msw = require('user-status-contracts/msw');
      const jestEntry = require('user-status-contracts/jest');
      const pact = require('user-status-contracts/pact');
      const schema = require('user-status-contracts/contracts/device-compliance-user-status.schema.json');
      console.log(JSON.stringify({
        valid: main.check('entity', status),
        invalid: main.listIssues('entity', { ...status, devicesCount: 2 ** 31 }).map((i) => i.rule),
        pactLoaded,
        provider: typeof provider.createProvider,
        msw: Object.keys(msw).length,
        jest: Object.keys(jestEntry).length,
        pact: typeof pact.verifyProvider,
        schema: schema.title !== undefined || schema.$id !== undefined,
      }));
    `;
    const result = await inProject(project, process.execPath, ['-e', script]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      valid: true,
      invalid: ['maximum'],
      pactLoaded: false,
      provider: 'function',
      msw: expect.any(Number),
      jest: expect.any(Number),
      pact: 'function',
      schema: true,
    });
  });

  it('loads every entry from ESM with named imports', async () => {
    await writeFile(
      join(project, 'consumer.mjs'),
      `
      import { check, userStatusFactory, COMPLIANCE_STATUSES } from 'user-status-contracts';
      import { createProvider } from 'user-status-contracts/provider';
      import * as msw from 'user-status-contracts/msw';
      import * as jestEntry from 'user-status-contracts/jest';
      const provider = createProvider();
      const { url } = await provider.listen({ host: '127.0.0.1', port: 0 });
      const answer = await fetch(url + '/v1.0/deviceManagement/deviceCompliancePolicies/x/userStatuses');
      await provider.close();
      console.log(JSON.stringify({
        valid: check('entity', userStatusFactory.nonCompliant().build()),
        statuses: COMPLIANCE_STATUSES.length,
        unauthorized: answer.status,
        msw: Object.keys(msw).length > 0,
        jest: Object.keys(jestEntry).length > 0,
      }));
      `,
    );
    const result = await inProject(project, process.execPath, ['consumer.mjs']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      valid: true,
      statuses: 8,
      unauthorized: 401,
      msw: true,
      jest: true,
    });
  });

  it('type-checks a consumer that imports every entry (node16 and node10 resolution)', async () => {
    await writeFile(
      join(project, 'consumer.ts'),
      `
      import { check, userStatusFactory, type DeviceComplianceUserStatus } from 'user-status-contracts';
      import { createProvider } from 'user-status-contracts/provider';
      import { verifyProvider } from 'user-status-contracts/pact';
      import 'user-status-contracts/jest';
      import 'user-status-contracts/msw';
      const status: DeviceComplianceUserStatus = userStatusFactory.build();
      const ok: boolean = check('entity', status);
      const provider = createProvider({ policyIds: ['p'] });
      export const used = [ok, provider, verifyProvider];
      // @ts-expect-error devicesCount is a number
      export const wrong: DeviceComplianceUserStatus = { ...status, devicesCount: '3' };
      `,
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const common = [
      'consumer.ts',
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      '--typeRoots',
      join(ROOT, 'node_modules', '@types'),
      '--types',
      'node,jest',
    ];
    for (const resolution of [
      ['--module', 'node16', '--moduleResolution', 'node16'],
      ['--module', 'commonjs', '--moduleResolution', 'node10'],
    ]) {
      const result = await inProject(project, process.execPath, [tsc, ...common, ...resolution]);
      expect([resolution.join(' '), result.stdout]).toEqual([resolution.join(' '), '']);
    }
  }, 60_000);

  it('runs the bin: --help, and validate on the shipped fixtures with CI exit codes', async () => {
    const bin = join(project, 'node_modules', '.bin', 'user-status-contracts');
    const help = await inProject(project, bin, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate/);
    const fixtures = join(project, 'node_modules', 'user-status-contracts', 'fixtures');
    const valid = await inProject(project, bin, [
      'validate',
      join(fixtures, 'valid', 'status-compliant.json'),
    ]);
    expect(valid.code).toBe(0);
    expect(valid.stderr).toMatch(/1 valid, 0 invalid/);
    const invalid = await inProject(project, bin, [
      'validate',
      join(fixtures, 'invalid', 'devices-count-int32-overflow.json'),
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/\/devicesCount maximum/);
  });
});
