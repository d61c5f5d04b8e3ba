import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CONTRACT_FILES } from '../../src/contracts/registry';
import { contractsDirectory } from '../../src/contracts/contractsDirectory';

const OPENAPI = join(contractsDirectory, 'openapi.json');
const PATH = '/deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicyId}/userStatuses';

interface OperationShape {
  requestBody: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<
    string,
    { description?: string; $ref?: string; content?: Record<string, { schema: { $ref: string } }> }
  >;
}
interface OpenApiShape {
  paths: Record<string, { post: OperationShape }>;
}

// swagger-parser's resolver is an ES module: Node's own require() loads it, jest's module loader
// does not, so validation runs in a child Node process.
const VALIDATE = `require('@apidevtools/swagger-parser').validate(process.argv[1]).then(
  (api) => process.stdout.write(JSON.stringify({ ok: true, openapi: api.openapi })),
  (error) => process.stdout.write(JSON.stringify({ ok: false, message: String(error && error.message) })),
);`;

type Validation = { ok: true; openapi: string } | { ok: false; message: string };

/** What `SwaggerParser.validate` says about an OpenAPI file. */
async function swaggerParserValidate(file: string): Promise<Validation> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', VALIDATE, file], {
    cwd: join(__dirname, '..', '..'),
  });
  return JSON.parse(stdout) as Validation;
}

function readOpenApi(): OpenApiShape {
  return JSON.parse(readFileSync(OPENAPI, 'utf8')) as OpenApiShape;
}

/** Validates a copy of contracts/ whose openapi.json has been changed by `mutate`. */
async function validateMutated(mutate: (document: OpenApiShape) => void): Promise<Validation> {
  const directory = mkdtempSync(join(tmpdir(), 'openapi-'));
  try {
    cpSync(contractsDirectory, directory, { recursive: true });
    const document = readOpenApi();
    mutate(document);
    writeFileSync(join(directory, 'openapi.json'), JSON.stringify(document));
    return await swaggerParserValidate(join(directory, 'openapi.json'));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('contracts/openapi.json', () => {
  it('is a valid OpenAPI document, its references to the schema files resolved', async () => {
    expect(await swaggerParserValidate(OPENAPI)).toEqual({ ok: true, openapi: '3.1.0' });
  });

  it('lists the Graph servers, v1.0 and beta, and the reference provider at the root', () => {
    const { servers } = JSON.parse(readFileSync(OPENAPI, 'utf8')) as { servers: { url: string }[] };
    expect(servers.map((server) => server.url)).toEqual([
      'https://graph.microsoft.com/v1.0',
      'https://graph.microsoft.com/beta',
      'http://127.0.0.1:4010',
    ]);
  });

  it('takes the request and 201 bodies from the same schema files as the validator', () => {
    const operation = readOpenApi().paths[PATH]?.post;
    expect(operation?.requestBody.content['application/json']?.schema.$ref).toBe(
      CONTRACT_FILES.request,
    );
    expect(operation?.responses['201']?.content?.['application/json']?.schema.$ref).toBe(
      CONTRACT_FILES.entity,
    );
  });

  it('fails validation when a response has no description', async () => {
    expect(
      await validateMutated((document) => {
        delete document.paths[PATH]?.post.responses['201']?.description;
      }),
    ).toEqual({
      ok: false,
      message: expect.stringMatching(/must have required property 'description'/),
    });
  });

  it('fails validation when a $ref names a schema file that does not exist', async () => {
    expect(
      await validateMutated((document) => {
        const json = document.paths[PATH]?.post.requestBody.content['application/json'];
        if (json) json.schema.$ref = 'missing.schema.json';
      }),
    ).toEqual({ ok: false, message: expect.stringMatching(/missing\.schema\.json/) });
  });

  it('fails validation when a $ref points inside the document at nothing', async () => {
    expect(
      await validateMutated((document) => {
        const response = document.paths[PATH]?.post.responses['400'];
        if (response) response.$ref = '#/components/responses/nope';
      }),
    ).toEqual({ ok: false, message: expect.stringMatching(/Missing \$ref pointer/) });
  });
});
