import fc from 'fast-check';
import { Agent } from 'undici';
import { asPropertyExamples } from '../../src/arbitraries/asPropertyExamples';
import {
  invalidCreateUserStatusRequestArbitrary,
  invalidCreateUserStatusRequestExamples,
} from '../../src/arbitraries/invalidCreateUserStatusRequestArbitrary';
import {
  malformedJsonBodyArbitrary,
  malformedJsonBodyExamples,
} from '../../src/arbitraries/malformedJsonBodyArbitrary';
import type { Provider } from '../../src/provider/createProvider';
import { listIssues } from '../../src/validator/listIssues';
import { call, collectionPath, startProvider } from './providerHarness';

// 1,000 generated bodies in all: contract violations (each labelled with the property and rule it
// breaks) and malformed or hostile JSON. fast-check prints the seed and path of any failure.
const INVALID_RUNS = 600;
const MALFORMED_RUNS = 400;

let provider: Provider;
let url: string;
const dispatcher = new Agent({ connections: 4 });

beforeAll(async () => {
  ({ provider, url } = await startProvider());
});

afterAll(async () => {
  await provider.close();
  await dispatcher.close();
});

/** Asserts a 4xx answer whose body is Graph's error envelope, and returns its message. */
function expectGraphClientError(response: Awaited<ReturnType<typeof call>>): string {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(listIssues('error', response.json)).toEqual([]);
  return (response.json as { error: { message: string } }).error.message;
}

describe('generated bad bodies', () => {
  it('answers every body that breaks the contract with a 400 naming its property and rule', async () => {
    await fc.assert(
      fc.asyncProperty(invalidCreateUserStatusRequestArbitrary(), async ({ body, violation }) => {
        const response = await call(url, 'POST', collectionPath(), {
          body: JSON.stringify(body) ?? 'undefined',
          dispatcher,
        });
        expect(response.status).toBe(400);
        const message = expectGraphClientError(response);
        const details = (
          response.json as { error: { details?: { code: string; target: string }[] } }
        ).error.details;
        // Every issue of a labelled violation is at its path, so the message names that path.
        expect(message).toContain(violation.path || '(root)');
        expect(details).toContainEqual(
          expect.objectContaining({ code: violation.rule, target: violation.path || '(root)' }),
        );
      }),
      {
        numRuns: INVALID_RUNS,
        examples: asPropertyExamples(invalidCreateUserStatusRequestExamples()),
      },
    );
    expect(provider.store.size).toBe(0);
  });

  it('answers every malformed or hostile JSON body with a 400 (413 when too large), never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(malformedJsonBodyArbitrary(), async ({ text, label }) => {
        const response = await call(url, 'POST', collectionPath(), { body: text, dispatcher });
        expectGraphClientError(response);
        expect({ label, status: response.status }).toEqual({
          label,
          status: label === 'hugeString' ? 413 : 400,
        });
      }),
      { numRuns: MALFORMED_RUNS, examples: asPropertyExamples(malformedJsonBodyExamples()) },
    );
    expect(provider.store.size).toBe(0);
  });
});
