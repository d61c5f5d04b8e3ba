// compare: base paths from the servers, folders of pacts and the per-file verdicts that docs/cli.md shows.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUserStatusInteractions } from '../../src/pact/createUserStatusInteractions';
import { DEFAULT_PACT_FILE } from '../../src/pact/pactNames';
import { recordPrefixedPact } from '../helpers/recordPrefixedPact';
import { runCli } from '../helpers/runCli';

interface PactFile {
  interactions: Array<{
    description: string;
    request: { path: string; body: { content: Record<string, unknown> } };
    response: { status: number; body: { content: Record<string, unknown> } };
  }>;
}

const { created, createdWithoutNames } = createUserStatusInteractions();
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'compare-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The committed pact with one interaction changed, written to a file of its own. */
function pactWith(name: string, change: (pact: PactFile) => void): string {
  const pact = JSON.parse(readFileSync(DEFAULT_PACT_FILE, 'utf8')) as PactFile;
  change(pact);
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

function interaction(pact: PactFile, description: string): PactFile['interactions'][number] {
  const found = pact.interactions.find((i) => i.description === description);
  if (found === undefined) throw new Error(`no interaction "${description}" in the pact`);
  return found;
}

describe('user-status-contracts compare', () => {
  it('exits 0 and allows every interaction of the committed pact', async () => {
    const { code, stdout, stderr } = await runCli(['compare', '--pact', DEFAULT_PACT_FILE]);
    expect(stderr).toContain(
      '5 interaction(s) compared with contracts/openapi.json: 5 allowed, 0 forbidden',
    );
    expect(code).toBe(0);
    expect(stdout).not.toContain('FORBIDDEN');
    expect(stdout.match(/^ALLOWED /gm)).toHaveLength(5);
  });

  it('accepts --openapi naming the document explicitly', async () => {
    const openapi = join(__dirname, '..', '..', 'contracts', 'openapi.json');
    const { code } = await runCli(['compare', '--pact', DEFAULT_PACT_FILE, '--openapi', openapi]);
    expect(code).toBe(0);
  });

  it('forbids a response where devicesCount is a string, naming the place', async () => {
    const file = pactWith('devices-count-string', (pact) => {
      interaction(pact, created.description).response.body.content['devicesCount'] = '3';
    });
    const { code, stdout } = await runCli(['compare', '--pact', file]);
    expect(code).toBe(1);
    expect(stdout).toContain(`FORBIDDEN ${file}: ${created.description}`);
    expect(stdout).toMatch(
      /error response\.body\.incompatible at \[root\]\.interactions\[\d\]\.response\.body\.devicesCount: .*must be integer/,
    );
  });

  it('forbids a created entity answered with an undocumented status (299)', async () => {
    const file = pactWith('status-299', (pact) => {
      interaction(pact, createdWithoutNames.description).response.status = 299;
    });
    const { code, stdout } = await runCli(['compare', '--pact', file]);
    expect(code).toBe(1);
    expect(stdout).toContain(`FORBIDDEN ${file}: ${createdWithoutNames.description}`);
    expect(stdout).toContain('response.status.default');
  });

  it('forbids a request body the request schema rejects (status in PascalCase)', async () => {
    const file = pactWith('pascal-case-request', (pact) => {
      interaction(pact, created.description).request.body.content['status'] = 'NonCompliant';
    });
    const { code, stdout } = await runCli(['compare', '--pact', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /error request\.body\.incompatible at \[root\]\.interactions\[\d\]\.request\.body\.status/,
    );
  });

  it('forbids a path the document does not have', async () => {
    const file = pactWith('unknown-path', (pact) => {
      const target = interaction(pact, created.description);
      target.request.path = target.request.path.replace(/userStatuses$/, 'userStatus');
    });
    const { code, stdout } = await runCli(['compare', '--pact', file]);
    expect(code).toBe(1);
    expect(stdout).toContain('request.path-or-method.unknown');
  });

  it('exits 2 for a pact that cannot be read or is not a pact', async () => {
    const missing = await runCli(['compare', '--pact', join(scratch, 'missing.json')]);
    expect(missing.stderr).toContain('no such file');
    expect(missing.code).toBe(2);
    const notPact = join(scratch, 'not-a-pact.json');
    writeFileSync(notPact, '[]');
    const other = await runCli(['compare', '--pact', notPact]);
    expect(other.stderr).toContain('is not a pact');
    expect(other.code).toBe(2);
  });

  it('exits 2 for an OpenAPI document that cannot be read, is not OpenAPI, or is YAML', async () => {
    const notOpenApi = join(scratch, 'not-openapi.json');
    writeFileSync(notOpenApi, '{}');
    for (const [openapi, message] of [
      [join(scratch, 'missing.json'), 'no such file'],
      [notOpenApi, 'is not an OpenAPI document'],
      [join(scratch, 'openapi.yaml'), 'only JSON OpenAPI documents'],
    ] as const) {
      const result = await runCli(['compare', '--pact', DEFAULT_PACT_FILE, '--openapi', openapi]);
      expect(result.stderr).toContain(message);
      expect(result.code).toBe(2);
    }
  });

  it('exits 2 without --pact, and teaches in --help', async () => {
    const missing = await runCli(['compare']);
    expect(missing.stderr).toContain("required option '--pact <fileOrFolder...>'");
    expect(missing.code).toBe(2);
    const help = await runCli(['compare', '--help']);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain(
      'Exit codes: 0 every interaction of every pact allowed, 1 any interaction forbidden',
    );
    expect(help.stdout).toContain('--base-path <path>');
  });
});

describe('compare with the base paths of the servers, and folders of pacts', () => {
  const recorded = new Map<string, string>();

  beforeAll(async () => {
    for (const prefix of ['/v1.0', '/beta', '/v2']) {
      const dir = join(scratch, 'recorded', prefix.replace(/\W/g, ''));
      recorded.set(prefix, await recordPrefixedPact(dir, prefix));
    }
  });

  /** The recorded pact for `prefix`, copied into `folder`. */
  function prefixedPact(folder: string, prefix: string): string {
    mkdirSync(join(scratch, folder), { recursive: true });
    const file = join(scratch, folder, `${prefix.replace(/\W/g, '')}.json`);
    writeFileSync(file, recorded.get(prefix) ?? '');
    return file;
  }

  it('allows a pact whose paths start with /v1.0, a server of the document', async () => {
    const file = prefixedPact('v1', '/v1.0');
    const { code, stdout, stderr } = await runCli(['compare', '--pact', file]);
    expect(stderr).toContain('5 interaction(s) compared with contracts/openapi.json: 5 allowed');
    expect(stdout).toContain(`PASS      ${file}: 5 of 5 interaction(s) allowed`);
    expect(code).toBe(0);
  });

  it('allows a pact whose paths start with /beta, another server of the document', async () => {
    const file = prefixedPact('beta', '/beta');
    const { code, stdout } = await runCli(['compare', '--pact', file]);
    expect(stdout.match(/^ALLOWED /gm)).toHaveLength(5);
    expect(code).toBe(0);
  });

  it('forbids a pact whose paths start with /v2, naming the prefix and the known base paths', async () => {
    const file = prefixedPact('v2', '/v2');
    const { code, stdout, stderr } = await runCli(['compare', '--pact', file]);
    expect(stdout).toMatch(
      /error request\.path-or-method\.unknown at \[root\]\.interactions\[0\]\.request\.path: Path or method not defined in spec file: POST \/v2\/deviceManagement\//,
    );
    expect(stdout).toContain(`FAIL      ${file}: 5 of 5 interaction(s) forbidden`);
    expect(stderr).toContain(
      "hint: the pact's paths start with /v2, which is not a base path of the document: request paths are matched under the base paths of the document's servers (/v1.0, /beta, none)",
    );
    expect(code).toBe(1);
  });

  it('takes --base-path as the one prefix every path must start with', async () => {
    const v2 = prefixedPact('v2', '/v2');
    const passed = await runCli(['compare', '--pact', v2, '--base-path', '/v2']);
    expect(passed.code).toBe(0);
    // With a base path named, a path without it is not accepted under another.
    const v1 = prefixedPact('v1', '/v1.0');
    const failed = await runCli(['compare', '--pact', v1, '--base-path', '/beta']);
    expect(failed.stderr).toContain(
      'hint: with --base-path /beta, every request path must be /beta',
    );
    expect(failed.code).toBe(1);
    const bad = await runCli(['compare', '--pact', v1, '--base-path', 'v1.0']);
    expect(bad.stderr).toContain('--base-path must start with "/"');
    expect(bad.code).toBe(2);
  });

  it('compares each pact of a folder on its own, and exits 1 when any is forbidden', async () => {
    prefixedPact('mixed', '/v1.0');
    const v2 = prefixedPact('mixed', '/v2');
    writeFileSync(join(scratch, 'mixed', 'README.md'), 'not a pact');
    const folder = join(scratch, 'mixed');
    const { code, stdout, stderr } = await runCli(['compare', '--pact', folder]);
    const v1 = join(folder, 'v10.json');
    expect(stdout.split('\n').filter((line) => /^(PASS|FAIL) /.test(line))).toEqual([
      `PASS      ${v1}: 5 of 5 interaction(s) allowed`,
      `FAIL      ${v2}: 5 of 5 interaction(s) forbidden`,
    ]);
    expect(stdout.match(new RegExp(`^ALLOWED +${escape(v1)}: `, 'gm'))).toHaveLength(5);
    expect(stdout.match(new RegExp(`^FORBIDDEN ${escape(v2)}: `, 'gm'))).toHaveLength(5);
    expect(stderr).toContain(
      '10 interaction(s) compared with contracts/openapi.json: 5 allowed, 5 forbidden (2 pact files: 1 passed, 1 failed)',
    );
    expect(code).toBe(1);
  });

  it('exits 0 for a folder whose every pact is allowed, and 2 for a folder with no pact', async () => {
    prefixedPact('allowed', '/v1.0');
    prefixedPact('allowed', '/beta');
    const { code, stdout } = await runCli(['compare', '--pact', join(scratch, 'allowed')]);
    expect(stdout.match(/^PASS /gm)).toHaveLength(2);
    expect(code).toBe(0);
    mkdirSync(join(scratch, 'empty'));
    const empty = await runCli(['compare', '--pact', join(scratch, 'empty')]);
    expect(empty.stderr).toContain('holds no pact (.json) file');
    expect(empty.code).toBe(2);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
