import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecificationVersion } from '@pact-foundation/pact/src/v3/types';
import { PactV4 } from '@pact-foundation/pact/src/v4';
import { Agent, fetch as undiciFetch } from 'undici';
import {
  createUserStatusClient,
  type UserStatusClient,
} from '../../../src/client/createUserStatusClient';
import type { CreateUserStatusRequest } from '../../../src/contracts/types.generated';
import { GraphRequestError } from '../../../src/errors';
import { createUserStatusInteractions } from '../../../src/pact/createUserStatusInteractions';
import {
  DEFAULT_CONSUMER_NAME,
  DEFAULT_PACT_FILE,
  DEFAULT_PROVIDER_NAME,
  pactFileName,
} from '../../../src/pact/pactNames';

process.env['PACT_DO_NOT_TRACK'] = 'true';

// The pact is written to a fresh folder first: Pact merges into an existing file, so writing
// straight into pacts/ would keep interactions these tests no longer record.
const written = mkdtempSync(join(tmpdir(), 'user-status-pacts-'));
const pact = new PactV4({
  consumer: DEFAULT_CONSUMER_NAME,
  provider: DEFAULT_PROVIDER_NAME,
  dir: written,
  spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
  logLevel: 'warn',
});
const interactions = createUserStatusInteractions();

afterAll(() => rmSync(written, { recursive: true, force: true }));

// Each mock server gets its own connection pool: a kept-alive socket to the previous test's
// server must never carry this test's request when the system hands out the same port again.
let agent: Agent;
beforeEach(() => {
  agent = new Agent();
});
afterEach(() => agent.close());

function clientFor(baseUrl: string, token: string | undefined): UserStatusClient {
  return createUserStatusClient({
    baseUrl,
    ...(token === undefined ? {} : { token }),
    fetch: (url, init) => undiciFetch(url, { ...init, dispatcher: agent }),
  });
}

describe(`the ${DEFAULT_CONSUMER_NAME} consumer of ${DEFAULT_PROVIDER_NAME}`, () => {
  it('creates a user status and gets the created entity back', async () => {
    const { created } = interactions;
    await created.addTo(pact).executeTest(async (server) => {
      const client = clientFor(server.url, created.token);
      const status = await client.createUserStatus(
        created.policyId,
        created.body as CreateUserStatusRequest,
      );
      expect(status).toEqual(created.responseBody);
      expect(status.id).not.toBe('');
    });
  });

  it('creates a user status whose user has no names, and gets the nulls back', async () => {
    const { createdWithoutNames } = interactions;
    await createdWithoutNames.addTo(pact).executeTest(async (server) => {
      const client = clientFor(server.url, createdWithoutNames.token);
      const status = await client.createUserStatus(
        createdWithoutNames.policyId,
        createdWithoutNames.body as CreateUserStatusRequest,
      );
      expect(status.userDisplayName).toBeNull();
      expect(status.userPrincipalName).toBeNull();
    });
  });

  it('reports a 400 with Graph code and request-id for an invalid body', async () => {
    const { invalidBody } = interactions;
    await invalidBody.addTo(pact).executeTest(async (server) => {
      const client = clientFor(server.url, invalidBody.token);
      const failure = client.createUserStatus(
        invalidBody.policyId,
        invalidBody.body as CreateUserStatusRequest,
      );
      await expect(failure).rejects.toBeInstanceOf(GraphRequestError);
      await expect(failure).rejects.toMatchObject({
        status: 400,
        graphCode: 'BadRequest',
        requestId: expect.any(String) as unknown,
      });
    });
  });

  it('reports a 404 for a policy that does not exist', async () => {
    const { unknownPolicy } = interactions;
    await unknownPolicy.addTo(pact).executeTest(async (server) => {
      const client = clientFor(server.url, unknownPolicy.token);
      await expect(
        client.createUserStatus(
          unknownPolicy.policyId,
          unknownPolicy.body as CreateUserStatusRequest,
        ),
      ).rejects.toMatchObject({ status: 404, graphCode: 'ResourceNotFound' });
    });
  });

  it('reports a 401 when no bearer token is sent', async () => {
    const { missingBearer } = interactions;
    expect(missingBearer.token).toBeUndefined();
    await missingBearer.addTo(pact).executeTest(async (server) => {
      const client = clientFor(server.url, missingBearer.token);
      await expect(
        client.createUserStatus(
          missingBearer.policyId,
          missingBearer.body as CreateUserStatusRequest,
        ),
      ).rejects.toMatchObject({ status: 401, graphCode: 'InvalidAuthenticationToken' });
    });
  });

  // Runs last: it reads the pact the tests above wrote.
  it(`writes pacts/${pactFileName(DEFAULT_CONSUMER_NAME, DEFAULT_PROVIDER_NAME)}, which must equal the committed one in CI`, () => {
    const fresh = join(written, pactFileName(DEFAULT_CONSUMER_NAME, DEFAULT_PROVIDER_NAME));
    const text = readFileSync(fresh, 'utf8');
    const committed = existsSync(DEFAULT_PACT_FILE) ? readFileSync(DEFAULT_PACT_FILE, 'utf8') : '';
    expect(JSON.parse(text)).toMatchObject({ interactions: expect.any(Array) as unknown });
    expect((JSON.parse(text) as { interactions: unknown[] }).interactions).toHaveLength(5);
    if (text === committed) return;
    // Locally the pact is rewritten (commit the change with the code that caused it); in CI a
    // difference means the committed pact is stale, and providers would verify the wrong contract.
    if (
      process.env['CI'] !== undefined &&
      process.env['CI'] !== '' &&
      process.env['CI'] !== 'false'
    ) {
      throw new Error(
        `${DEFAULT_PACT_FILE} differs from the pact these tests write: run "npm test" locally and commit the updated pact`,
      );
    }
    copyFileSync(fresh, DEFAULT_PACT_FILE);
  });
});
