import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpecificationVersion } from '@pact-foundation/pact/src/v3/types';
import { PactV4 } from '@pact-foundation/pact/src/v4';
import { Agent, request } from 'undici';
import { createUserStatusInteractions } from '../../src/pact/createUserStatusInteractions';

process.env['PACT_DO_NOT_TRACK'] = 'true';

/**
 * Records with Pact, into `dir`, the pact a consumer gets from
 * `createUserStatusInteractions({ pathPrefix })` (all five interactions, each exercised with
 * `fetch`), and resolves to its text.
 * @example
 * const text = await recordPrefixedPact(scratch, '/v1.0');
 */
export async function recordPrefixedPact(dir: string, pathPrefix: string): Promise<string> {
  const pact = new PactV4({
    consumer: 'prefixed-client',
    provider: 'graph-user-statuses',
    dir,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    logLevel: 'warn',
  });
  for (const each of Object.values(createUserStatusInteractions({ pathPrefix }))) {
    // Now and then, with the other test files running, the mock server reports the request as
    // never received although the client got the status it expected (so it reached some other
    // server on that port): recording the interaction again, on a fresh port, settles it.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await record(pact, each, pathPrefix);
        break;
      } catch (error) {
        if (attempt === 3 || !/expected but not received/.test(String(error))) throw error;
      }
    }
  }
  return readFileSync(join(dir, 'prefixed-client-graph-user-statuses.json'), 'utf8');
}

type Interaction = ReturnType<typeof createUserStatusInteractions>[keyof ReturnType<
  typeof createUserStatusInteractions
>];

async function record(pact: PactV4, each: Interaction, pathPrefix: string): Promise<void> {
  await each.addTo(pact).executeTest(async (server) => {
    const path = `${pathPrefix}/deviceManagement/deviceCompliancePolicies/${each.policyId}/userStatuses`;
    // A connection of its own, closed after: no connection pooled by another test file is reused.
    const dispatcher = new Agent();
    const response = await request(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(each.token === undefined ? {} : { authorization: `Bearer ${each.token}` }),
      },
      body: JSON.stringify(each.body),
      dispatcher,
    }).finally(() => dispatcher.close());
    await response.body.dump();
    if (response.statusCode !== each.status) {
      throw new Error(`${each.description}: the mock answered ${response.statusCode}`);
    }
  });
}
