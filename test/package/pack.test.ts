import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand, type CommandOutcome } from '../helpers/runCommand';

// Packs the package as `npm publish` would and installs the tarball into a new project the way the
// README says (`npm install --save-dev ./user-status-contracts-0.1.0.tgz`), without the optional
// peers Pact and the comparator: fixtures, factories, arbitraries and matchers work there, and what
// needs a missing peer says in one line how to add it. Then Pact is added, and the Pact entry works.

const ROOT = join(__dirname, '..', '..');
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];
const PACT_HINT =
  /^error: (verify|check) needs @pact-foundation\/pact, which is not installed: npm install --save-dev @pact-foundation\/pact@\^16\.\d+\.\d+\n$/;
const COMPARATOR_HINT =
  /^error: compare needs @pactflow\/openapi-pact-comparator, which is not installed: npm install --save-dev @pactflow\/openapi-pact-comparator@\^2\.\d+\.\d+\n$/;

let project = '';
let tarball = '';
let tarballFiles: string[] = [];
let packedScripts: Record<string, string> = {};
let installed: CommandOutcome = { code: -1, stdout: '', stderr: '' };

function inProject(file: string, args: readonly string[]): Promise<CommandOutcome> {
  return runCommand(project, file, args);
}

function bin(args: readonly string[]): Promise<CommandOutcome> {
  return inProject(join(project, 'node_modules', '.bin', 'user-status-contracts'), args);
}

async function versionInRepository(name: string): Promise<string> {
  const manifest = join(ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
  }
  project = await mkdtemp(join(tmpdir(), 'user-status-contracts-consumer-'));
  // dist/ is already built by `npm test`; prepack would only build it again (the fresh-clone test
  // runs a plain `npm pack`, prepack and all).
  const packed = await runCommand(ROOT, 'npm', [
    'pack',
    '--ignore-scripts',
    '--json',
    '--pack-destination',
    project,
  ]);
  const [manifest] = JSON.parse(packed.stdout) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  if (!manifest) throw new Error(`npm pack printed no package: ${packed.stdout}${packed.stderr}`);
  tarball = manifest.filename;
  tarballFiles = manifest.files.map((file) => file.path);
  packedScripts =
    (
      JSON.parse(
        execFileSync('tar', ['-xzOf', join(project, tarball), 'package/package.json'], {
          encoding: 'utf8',
        }),
      ) as { scripts?: Record<string, string> }
    ).scripts ?? {};
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
  );
  // The README's way, scripts allowed: the package must need none. msw is the optional peer of the
  // mocks, installed beside us by a consumer who uses them.
  installed = await inProject('npm', [
    'install',
    '--save-dev',
    `./${tarball}`,
    `msw@${await versionInRepository('msw')}`,
    ...NPM_FLAGS,
  ]);
  if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.stderr}`);
}, 240_000);

afterAll(async () => {
  if (project !== '') await rm(project, { recursive: true, force: true });
});

describe('the packed package, installed without its optional peers', () => {
  it('ships the build, the bin, its types, the data, the licence and changelog, and no sources', () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'CHANGELOG.md',
        'bin/user-status-contracts.js',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/cli/main.js',
        'dist/jest/index.d.ts',
        'dist/msw/index.d.ts',
        'dist/pact/index.d.ts',
        'dist/provider/index.d.ts',
        'dist/vitest/index.d.ts',
        'contracts/openapi.json',
        'contracts/device-compliance-user-status.schema.json',
        'fixtures/fixtures.json',
      ]),
    );
    expect(tarballFiles.filter((file) => /^(test|src|bench|examples)\//.test(file))).toEqual([]);
  });

  it('declares no install-time script, and installs without Pact, the comparator or warnings', () => {
    expect(Object.keys(packedScripts).filter((name) => INSTALL_SCRIPTS.includes(name))).toEqual([]);
    expect(packedScripts['prepack']).toBe('npm run build');
    // npm 11 names every package whose scripts await approval; ours must not be one of them.
    expect(installed.stderr).not.toMatch(/install-scripts.*user-status-contracts/);
    expect(installed.stderr).not.toMatch(/EBADENGINE/);
    for (const peer of ['@pact-foundation', '@pactflow']) {
      expect([peer, existsSync(join(project, 'node_modules', peer))]).toEqual([peer, false]);
    }
  });

  it('loads every entry from CommonJS but ./pact, which says in one line how to add Pact', async () => {
    const script = `
      const main = require('user-status-contracts');
      const status = main.userStatusFactory.build();
      const provider = require('user-status-contracts/provider');
      const msw = require('user-status-contracts/msw');
      const jestEntry = require('user-status-contracts/jest');
      const vitestEntry = require('user-status-contracts/vitest');
      const schema = require('user-status-contracts/contracts/device-compliance-user-status.schema.json');
      let pact;
      try {
        require('user-status-contracts/pact');
        pact = 'loaded';
      } catch (error) {
        pact = { name: error.name, code: error.code, message: error.message, main: error instanceof main.MissingPeerError };
      }
      console.log(JSON.stringify({
        valid: main.check('entity', status),
        invalid: main.listIssues('entity', { ...status, devicesCount: 2 ** 31 }).map((i) => i.rule),
        loaded: Object.keys(require.cache).filter((file) => /@pact-foundation|@pactflow|node_modules[\\\\/]vitest[\\\\/]/.test(file)),
        provider: typeof provider.createProvider,
        msw: Object.keys(msw).length,
        jest: Object.keys(jestEntry).length,
        vitest: typeof vitestEntry.userStatusMatchers.toMatchUserStatusContract,
        pact,
        schema: schema.title !== undefined || schema.$id !== undefined,
      }));
    `;
    const result = await inProject(process.execPath, ['-e', script]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      valid: true,
      invalid: ['maximum'],
      loaded: [],
      provider: 'function',
      msw: expect.any(Number),
      jest: expect.any(Number),
      vitest: 'function',
      pact: {
        name: 'MissingPeerError',
        code: 'E_MISSING_PEER',
        message: expect.stringMatching(
          /^user-status-contracts\/pact needs @pact-foundation\/pact, which is not installed: npm install --save-dev @pact-foundation\/pact@\^16\.\d+\.\d+$/,
        ),
        main: true,
      },
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
      import { userStatusMatchers } from 'user-status-contracts/vitest';
      const provider = createProvider();
      const { url } = await provider.listen({ host: '127.0.0.1', port: 0 });
      const answer = await fetch(url + '/v1.0/deviceManagement/deviceCompliancePolicies/x/userStatuses');
      await provider.close();
      const pact = await import('user-status-contracts/pact').then(() => 'loaded', (error) => error.code);
      console.log(JSON.stringify({
        valid: check('entity', userStatusFactory.nonCompliant().build()),
        statuses: COMPLIANCE_STATUSES.length,
        unauthorized: answer.status,
        msw: Object.keys(msw).length > 0,
        jest: Object.keys(jestEntry).length > 0,
        vitest: Object.keys(userStatusMatchers).length,
        pact,
      }));
      `,
    );
    const result = await inProject(process.execPath, ['consumer.mjs']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      valid: true,
      statuses: 8,
      unauthorized: 401,
      msw: true,
      jest: true,
      vitest: 4,
      pact: 'E_MISSING_PEER',
    });
  });

  it('runs fixtures, factories, arbitraries and the Jest matchers under Jest', async () => {
    await writeFile(
      join(project, 'consumer.test.js'),
      `
      require('user-status-contracts/jest');
      const fc = require('fast-check');
      const {
        createUserStatusRequestArbitrary,
        createUserStatusRequestFactory,
        userStatusExamples,
        userStatusFactory,
      } = require('user-status-contracts');
      const compliant = require('user-status-contracts/fixtures/valid/status-compliant.json');
      const overflow = require('user-status-contracts/fixtures/invalid/devices-count-int32-overflow.json');

      test('fixtures', () => {
        expect(compliant).toBeValidCreateUserStatusRequest();
        expect(overflow).not.toBeValidCreateUserStatusRequest();
      });

      test('factories', () => {
        expect(userStatusFactory.nonCompliant().withDevices(3).build()).toMatchUserStatusContract();
        expect(createUserStatusRequestFactory.anonymous().build()).toBeValidCreateUserStatusRequest();
        expect(() => expect({ ...userStatusFactory.build(), status: 'Compliant' }).toMatchUserStatusContract())
          .toThrow(/\\/status enum/);
      });

      test('arbitraries', () => {
        fc.assert(
          fc.property(createUserStatusRequestArbitrary(), (body) => {
            expect(body).toBeValidCreateUserStatusRequest();
          }),
          { seed: 1, numRuns: 50 },
        );
        for (const status of userStatusExamples()) expect(status).toMatchUserStatusContract();
      });

      test('asymmetric matchers', () => {
        expect({ value: [userStatusFactory.build()] }).toEqual({ value: [expect.toMatchUserStatusContract()] });
      });
      `,
    );
    const jest = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
    const result = await inProject(process.execPath, [
      jest,
      '--ci',
      '--no-watchman',
      '--config',
      JSON.stringify({ testEnvironment: 'node', transform: {} }),
    ]);
    expect([result.code, result.stderr]).toEqual([0, expect.stringMatching(/Tests: +4 passed/)]);
  }, 60_000);

  it('runs the bin: --help, and validate on the shipped fixtures with CI exit codes', async () => {
    const help = await bin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate/);
    const fixtures = join(project, 'node_modules', 'user-status-contracts', 'fixtures');
    const valid = await bin(['validate', join(fixtures, 'valid', 'status-compliant.json')]);
    expect(valid.code).toBe(0);
    expect(valid.stderr).toMatch(/1 valid, 0 invalid/);
    const invalid = await bin([
      'validate',
      join(fixtures, 'invalid', 'devices-count-int32-overflow.json'),
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/\/devicesCount maximum/);
  });

  it('answers verify, check and compare with the one-line install hint and exit code 2', async () => {
    const pact = join(project, 'node_modules', 'user-status-contracts', 'pacts');
    const [verify, check, compare, help] = await Promise.all([
      bin(['verify', '--base-url', 'http://127.0.0.1:9', '--policy-id', 'p']),
      bin(['check', '--runs', '1']),
      bin(['compare', '--pact', join(pact, 'user-status-client-graph-user-statuses.json')]),
      bin(['verify', '--help']),
    ]);
    expect([verify.code, verify.stdout, verify.stderr]).toEqual([2, '', expect.any(String)]);
    expect(verify.stderr).toMatch(PACT_HINT);
    expect([check.code, check.stdout, check.stderr]).toEqual([2, '', expect.any(String)]);
    expect(check.stderr).toMatch(PACT_HINT);
    expect([compare.code, compare.stdout, compare.stderr]).toEqual([2, '', expect.any(String)]);
    expect(compare.stderr).toMatch(COMPARATOR_HINT);
    // Asking how to use a verb needs no peer.
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--base-url/);
  });
});

describe('the packed package, once Pact is added', () => {
  beforeAll(async () => {
    const added = await inProject('npm', [
      'install',
      '--save-dev',
      `@pact-foundation/pact@${await versionInRepository('@pact-foundation/pact')}`,
      ...NPM_FLAGS,
    ]);
    if (added.code !== 0) throw new Error(`npm install of Pact failed:\n${added.stderr}`);
  }, 240_000);

  it('records a pact with the create interactions and verifies it against the reference provider', async () => {
    const script = `
      const { PactV4, SpecificationVersion } = require('@pact-foundation/pact');
      const { createUserStatusClient, DEFAULT_POLICY_ID, DEFAULT_TOKEN } = require('user-status-contracts');
      const { contractMatchers, createUserStatusInteractions, verifyProvider } = require('user-status-contracts/pact');
      const { createProvider } = require('user-status-contracts/provider');
      (async () => {
        const pact = new PactV4({
          consumer: 'consumer-app',
          provider: 'graph-user-statuses',
          dir: 'pacts',
          spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
          logLevel: 'error',
        });
        const { created } = createUserStatusInteractions();
        const status = await created.addTo(pact).executeTest(async (server) => {
          const client = createUserStatusClient({ baseUrl: server.url, token: created.token });
          return client.createUserStatus(created.policyId, created.body);
        });
        const provider = createProvider();
        const { url } = await provider.listen({ host: '127.0.0.1', port: 0 });
        try {
          const report = await verifyProvider({
            baseUrl: url + '/v1.0',
            token: DEFAULT_TOKEN,
            policyId: DEFAULT_POLICY_ID,
            pacts: ['pacts/consumer-app-graph-user-statuses.json'],
          });
          console.log(JSON.stringify({
            same: status.id === created.responseBody.id,
            matchers: typeof contractMatchers('entity', created.responseBody),
            verified: report.interactions.map((i) => i.passed),
          }));
        } finally {
          await provider.close();
        }
      })().catch((error) => {
        console.error(error);
        process.exitCode = 1;
      });
    `;
    const result = await inProject(process.execPath, ['-e', script]);
    expect([result.code, JSON.parse(result.stdout || '{}')]).toEqual([
      0,
      { same: true, matchers: 'object', verified: [true] },
    ]);
  }, 120_000);

  it('lets compare still name the comparator, the one peer not added', async () => {
    const pact = join(project, 'node_modules', 'user-status-contracts', 'pacts');
    const compare = await bin([
      'compare',
      '--pact',
      join(pact, 'user-status-client-graph-user-statuses.json'),
    ]);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toMatch(COMPARATOR_HINT);
  });

  it('type-checks a consumer of every entry, with precise interaction types (node16 and node10 resolution)', async () => {
    await writeFile(
      join(project, 'consumer.ts'),
      `
      import { check, userStatusFactory, type DeviceComplianceUserStatus, type ODataError } from 'user-status-contracts';
      import { createProvider } from 'user-status-contracts/provider';
      import { contractMatchers, createUserStatusInteractions, verifyProvider } from 'user-status-contracts/pact';
      import 'user-status-contracts/jest';
      import 'user-status-contracts/msw';
      const status: DeviceComplianceUserStatus = userStatusFactory.build();
      const ok: boolean = check('entity', status);
      const provider = createProvider({ policyIds: ['p'] });
      const { created, missingBearer } = createUserStatusInteractions();
      const entity: DeviceComplianceUserStatus = created.responseBody;
      const error: ODataError = missingBearer.responseBody;
      export const used = [ok, provider, verifyProvider, entity, error, contractMatchers('entity', created.responseBody)];
      // @ts-expect-error devicesCount is a number
      export const wrong: DeviceComplianceUserStatus = { ...status, devicesCount: '3' };
      // @ts-expect-error an error interaction answers an ODataError, not a status
      export const mixedUp: DeviceComplianceUserStatus = missingBearer.responseBody;
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
      const result = await inProject(process.execPath, [tsc, ...common, ...resolution]);
      expect([resolution.join(' '), result.stdout]).toEqual([resolution.join(' '), '']);
    }
  }, 60_000);
});
