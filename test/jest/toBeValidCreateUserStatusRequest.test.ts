import axios from 'axios';
import supertest from 'supertest';
import '../../src/jest';
import { UsageError } from '../../src/errors';
import { loadFixtureManifest, readFixture } from '../helpers/fixtureManifest';
import {
  CREATE_BODY,
  failureMessage,
  rejectionMessage,
  startCannedServer,
  type RunningServer,
} from './httpHarness';

let echo: RunningServer;

beforeAll(async () => {
  // `/echo` answers with the body it was sent: what a client sends comes back as a response.
  echo = await startCannedServer({});
});

afterAll(() => echo.close());

const requestFixtures = loadFixtureManifest().filter((f) => f.contract === 'request');

describe('toBeValidCreateUserStatusRequest on plain objects', () => {
  it.each(requestFixtures.filter((f) => f.valid).map((f) => [f.file, f] as const))(
    'passes the valid fixture %s under its profile',
    (_file, fixture) => {
      const options = fixture.profile === 'graph-metadata' ? { profile: fixture.profile } : {};
      expect(readFixture(fixture.file)).toBeValidCreateUserStatusRequest(options);
    },
  );

  it.each(requestFixtures.filter((f) => !f.valid).map((f) => [f.file, f] as const))(
    'fails the invalid fixture %s and names each labelled (path, rule)',
    (_file, fixture) => {
      const message = failureMessage(() =>
        expect(readFixture(fixture.file)).toBeValidCreateUserStatusRequest(
          fixture.profile === undefined ? undefined : { profile: fixture.profile },
        ),
      );
      for (const { path, rule } of fixture.violations) {
        expect(message).toContain(`${path} ${rule}:`);
      }
    },
  );

  it('fails a devicesCount above Int32 max and names /devicesCount, maximum, and the value', () => {
    expect(() =>
      expect({ ...CREATE_BODY, devicesCount: 2147483648 }).toBeValidCreateUserStatusRequest(),
    ).toThrow(
      /\/devicesCount maximum: \/devicesCount must be <= 2147483647 \(Int32\), found 2147483648/,
    );
  });

  it('names the unexpected property and lists the allowed values of status', () => {
    const message = failureMessage(() =>
      expect({
        ...CREATE_BODY,
        status: 'NonCompliant',
        userName: 'AdeleV',
      }).toBeValidCreateUserStatusRequest(),
    );
    expect(message).toContain(
      'Expected the value to match the create request contract (documented profile), but it breaks it in 2 places:',
    );
    expect(message).toContain('Unexpected property: "userName"');
    expect(message).toMatch(/Allowed values: "unknown", .*"nonCompliant"/);
    expect(message).toContain('Received: "NonCompliant"');
  });

  it('requires the five documented properties by default, none under graph-metadata', () => {
    const message = failureMessage(() => expect({}).toBeValidCreateUserStatusRequest());
    for (const property of [
      'userDisplayName',
      'devicesCount',
      'status',
      'lastReportedDateTime',
      'userPrincipalName',
    ]) {
      expect(message).toContain(
        `/${property} required: required property "${property}" is missing`,
      );
    }
    expect({}).toBeValidCreateUserStatusRequest({ profile: 'graph-metadata' });
    const metadataMessage = failureMessage(() =>
      expect({ status: 'Compliant' }).toBeValidCreateUserStatusRequest({
        profile: 'graph-metadata',
      }),
    );
    expect(metadataMessage).toContain(
      'expect(received).toBeValidCreateUserStatusRequest({ profile: "graph-metadata" })',
    );
    expect(metadataMessage).toContain('(graph-metadata profile), but it breaks it in 1 place:');
    expect(metadataMessage).toContain('1. /status enum:');
  });

  it('under .not, passes an invalid body and fails a valid one saying it is valid', () => {
    expect({ ...CREATE_BODY, devicesCount: '3' }).not.toBeValidCreateUserStatusRequest();
    expect(() => expect(CREATE_BODY).not.toBeValidCreateUserStatusRequest()).toThrow(
      'Expected the value not to match the create request contract (documented profile), but it does.',
    );
  });

  it('throws a matcher error for an unknown profile, with or without .not', () => {
    const unknownProfile = { profile: 'beta' } as unknown as { profile: 'documented' };
    for (const run of [
      () => expect(CREATE_BODY).toBeValidCreateUserStatusRequest(unknownProfile),
      () => expect(CREATE_BODY).not.toBeValidCreateUserStatusRequest(unknownProfile),
    ]) {
      expect(run).toThrow(UsageError);
      expect(run).toThrow(
        /Matcher error: profile must be one of "documented", "graph-metadata", not "beta"/,
      );
    }
  });
});

describe('toBeValidCreateUserStatusRequest on fetch Requests and Responses', () => {
  it('passes a fetch Request carrying a valid body, and leaves it readable', async () => {
    const request = new Request('https://graph.microsoft.com/v1.0/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CREATE_BODY),
    });
    await expect(request).toBeValidCreateUserStatusRequest();
    expect(await request.json()).toEqual(CREATE_BODY);
  });

  it('fails a fetch Request whose body is not JSON, naming the problem', async () => {
    const request = new Request('https://graph.microsoft.com/v1.0/x', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'status=compliant&devicesCount=3',
    });
    const message = await rejectionMessage(expect(request).toBeValidCreateUserStatusRequest());
    expect(message).toContain('Expected the body of the fetch Request to be JSON matching');
    expect(message).toMatch(
      /the body is not JSON \(.*content-type application\/x-www-form-urlencoded\)/,
    );
  });

  it('passes and fails echoed fetch Responses', async () => {
    const send = (body: unknown): Promise<Response> =>
      fetch(`${echo.url}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await expect(await send(CREATE_BODY)).toBeValidCreateUserStatusRequest();
    await expect(
      expect(
        await send({ ...CREATE_BODY, lastReportedDateTime: '2020-06-14' }),
      ).toBeValidCreateUserStatusRequest(),
    ).rejects.toThrow(/\/lastReportedDateTime format: .*found "2020-06-14"/);
  });
});

describe('toBeValidCreateUserStatusRequest on axios and supertest responses', () => {
  it('passes and fails echoed axios responses', async () => {
    expect(await axios.post(`${echo.url}/echo`, CREATE_BODY)).toBeValidCreateUserStatusRequest();
    const sent = { ...CREATE_BODY, devicesCount: -2147483649 };
    const pending = axios.post(`${echo.url}/echo`, sent);
    expect(() => expect(pending).toBeValidCreateUserStatusRequest()).toThrow(/it is a Promise/);
    const response = await pending;
    expect(() => expect(response).toBeValidCreateUserStatusRequest()).toThrow(
      /the body of the axios response \(status 200\)[\s\S]*\/devicesCount minimum/,
    );
  });

  it('passes and fails echoed supertest responses', async () => {
    expect(
      await supertest(echo.handler).post('/echo').send(CREATE_BODY),
    ).toBeValidCreateUserStatusRequest();
    const response = await supertest(echo.handler)
      .post('/echo')
      .send({ ...CREATE_BODY, userPrincipalName: true });
    expect(() => expect(response).toBeValidCreateUserStatusRequest()).toThrow(
      /\/userPrincipalName type: .*found boolean true/,
    );
    const text = await supertest(echo.handler)
      .post('/echo')
      .set('content-type', 'text/plain')
      .send('not json');
    expect(() => expect(text).toBeValidCreateUserStatusRequest()).toThrow(/the body is not JSON/);
  });
});
