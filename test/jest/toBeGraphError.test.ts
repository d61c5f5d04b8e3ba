import axios from 'axios';
import supertest from 'supertest';
import '../../src/jest';
import { UsageError } from '../../src/errors';
import {
  CREATE_BODY,
  failureMessage,
  rejectionMessage,
  startCannedServer,
  startReferenceProvider,
  type RunningProvider,
  type RunningServer,
} from './httpHarness';

/** Graph's error envelope, as Graph writes it. */
const NOT_FOUND = {
  error: {
    code: 'ResourceNotFound',
    message:
      "Resource 'x' does not exist or one of its queried reference-property objects are not present.",
    innerError: {
      date: '2021-09-02T21:52:54',
      'request-id': '0e9f9a46-6b39-4c1a-9f9e-9a7d1a0c2b3d',
    },
  },
};

let graph: RunningProvider;
let gateway: RunningServer;

beforeAll(async () => {
  graph = await startReferenceProvider();
  gateway = await startCannedServer({
    '/bad-gateway': {
      status: 502,
      contentType: 'text/html',
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    },
  });
});

afterAll(async () => {
  await graph.provider.close();
  await gateway.close();
});

function createWithFetch(path: string, body: unknown = CREATE_BODY): Promise<Response> {
  return fetch(`${graph.url}${path}`, {
    method: 'POST',
    headers: { authorization: graph.authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('toBeGraphError on plain objects', () => {
  it('passes an OData error envelope', () => {
    expect(NOT_FOUND).toBeGraphError();
  });

  it('fails a body without innerError, naming /error/innerError and required', () => {
    const { innerError: _innerError, ...error } = NOT_FOUND.error;
    const message = failureMessage(() => expect({ error }).toBeGraphError());
    expect(message).toContain(
      'Expected the value to be a Graph error (the OData error envelope), but:',
    );
    expect(message).toMatch(
      /it breaks the error contract in 1 place:\n\s+1\. \/error\/innerError required/,
    );
  });

  it('names an unexpected top-level property', () => {
    expect(() => expect({ ...NOT_FOUND, status: 404 }).toBeGraphError()).toThrow(
      /\/status additionalProperties: unexpected property "status"; allowed properties are error/,
    );
  });

  it('fails an entity, which is not an error', () => {
    expect(() => expect(CREATE_BODY).toBeGraphError()).toThrow(/\/error required/);
    expect(CREATE_BODY).not.toBeGraphError();
  });

  it('fails toBeGraphError(404) on a body: the status needs the response, with or without .not', () => {
    for (const run of [
      () => expect(NOT_FOUND).toBeGraphError(404),
      () => expect(NOT_FOUND).not.toBeGraphError(404),
    ]) {
      const message = failureMessage(run);
      expect(message).toContain(
        'toBeGraphError(404) checks the HTTP status, and a plain value (a body) has none: pass the response',
      );
      expect(message).toContain('not its body');
    }
  });

  it('throws a matcher error for a status that is not an HTTP status', () => {
    for (const status of [4.04, 99, 600, '404' as unknown as number]) {
      expect(() => expect(NOT_FOUND).toBeGraphError(status)).toThrow(UsageError);
      expect(() => expect(NOT_FOUND).toBeGraphError(status)).toThrow(
        /Matcher error: the expected status must be an HTTP status code/,
      );
    }
  });

  it('under .not, fails an envelope and quotes its code and message', () => {
    expect(() => expect(NOT_FOUND).not.toBeGraphError()).toThrow(
      /Expected the value not to be a Graph error, but it is: ResourceNotFound: Resource 'x' does not exist/,
    );
  });
});

describe('toBeGraphError on fetch Responses', () => {
  it('passes the 404 of a missing policy, with and without its status', async () => {
    await expect(await createWithFetch(graph.missingPolicyPath)).toBeGraphError(404);
    await expect(await createWithFetch(graph.missingPolicyPath)).toBeGraphError();
  });

  it('fails a 400 expected as 404, naming both statuses', async () => {
    const response = await createWithFetch(graph.createPath, { ...CREATE_BODY, devicesCount: '3' });
    const message = await rejectionMessage(expect(response).toBeGraphError(404));
    expect(message).toContain('expect(received).toBeGraphError(404)');
    expect(message).toContain(
      'Expected the fetch Response (status 400) to be a Graph error (the OData error envelope) with status 404, but:',
    );
    expect(message).toContain('- its status is 400, not 404');
    expect(message).toMatch(/Received body: \{"error": \{"code": "BadRequest"/);
  });

  it('fails a 201 entity: not an error status, and not an envelope', async () => {
    const message = await rejectionMessage(
      expect(await createWithFetch(graph.createPath)).toBeGraphError(),
    );
    expect(message).toContain('- its status 201 is not an error status (4xx or 5xx)');
    expect(message).toMatch(/- its body breaks the error contract in \d+ places:/);
    expect(message).toContain('/error required');
  });

  it('fails an HTML 502 from a gateway as not JSON, and .not passes it', async () => {
    const message = await rejectionMessage(
      expect(await fetch(`${gateway.url}/bad-gateway`)).toBeGraphError(502),
    );
    expect(message).toMatch(/- the body is not JSON \(.*content-type text\/html\)/);
    expect(message).toContain('Received body (not JSON): "<html><body><h1>502 Bad Gateway');
    await expect(await fetch(`${gateway.url}/bad-gateway`)).not.toBeGraphError();
  });

  it('under .not, fails a Graph 404 and says which error it is', async () => {
    await expect(
      expect(await createWithFetch(graph.missingPolicyPath)).not.toBeGraphError(404),
    ).rejects.toThrow(
      /Expected the fetch Response \(status 404\) not to be a Graph error with status 404, but it is: ResourceNotFound: /,
    );
  });
});

describe('toBeGraphError on axios responses', () => {
  const client = axios.create({ validateStatus: () => true });

  it('passes the 401 of a request without a token', async () => {
    const response = await client.post(`${graph.url}${graph.createPath}`, CREATE_BODY);
    expect(response).toBeGraphError(401);
  });

  it('fails a 404 expected as 400, and under .not', async () => {
    const response = await client.post(`${graph.url}${graph.missingPolicyPath}`, CREATE_BODY, {
      headers: { authorization: graph.authorization },
    });
    expect(() => expect(response).toBeGraphError(400)).toThrow(/its status is 404, not 400/);
    expect(() => expect(response).not.toBeGraphError(404)).toThrow(/but it is: ResourceNotFound/);
    expect(response).not.toBeGraphError(400);
  });

  it('reads the error of a rejected axios call from error.response', async () => {
    const failure: unknown = await axios
      .post(`${graph.url}${graph.missingPolicyPath}`, CREATE_BODY, {
        headers: { authorization: graph.authorization },
      })
      .catch((error: unknown) => error);
    expect(axios.isAxiosError(failure)).toBe(true);
    expect((failure as { response: unknown }).response).toBeGraphError(404);
  });
});

describe('toBeGraphError on supertest responses', () => {
  it('passes the 404 of a missing policy', async () => {
    const response = await supertest(graph.provider.handler)
      .post(graph.missingPolicyPath)
      .set('authorization', graph.authorization)
      .send(CREATE_BODY);
    expect(response).toBeGraphError(404);
  });

  it('fails a 201 created status as a 404', async () => {
    const response = await supertest(graph.provider.handler)
      .post(graph.createPath)
      .set('authorization', graph.authorization)
      .send(CREATE_BODY);
    expect(() => expect(response).toBeGraphError(404)).toThrow(
      /Expected the supertest response \(status 201\) to be a Graph error .*with status 404, but:\n\s+- its status is 201, not 404/,
    );
  });

  it('fails an HTML 502 from its text', async () => {
    const response = await supertest(gateway.handler).get('/bad-gateway');
    expect(() => expect(response).toBeGraphError(502)).toThrow(/the body is not JSON/);
  });
});
