import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUserStatusInteractions } from '../../src/pact/createUserStatusInteractions';
import { DEFAULT_PACT_FILE } from '../../src/pact/pactNames';
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
    expect(missing.stderr).toContain("required option '--pact <file...>'");
    expect(missing.code).toBe(2);
    const help = await runCli(['compare', '--help']);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain(
      'Exit codes: 0 every interaction allowed, 1 any interaction forbidden',
    );
  });
});
