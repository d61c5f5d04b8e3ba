import { createProvider, type Provider } from '../../../src/provider/createProvider';
import { CREATE_USER_STATUS_INTERACTION_NAMES } from '../../../src/pact/createUserStatusInteractions';
import { DEFAULT_PACT_FILE } from '../../../src/pact/pactNames';
import { verifyProvider } from '../../../src/pact/verifyProvider';

const TOKEN = 'provider-test-token';
const POLICY_ID = 'a1b2c3d4-0000-4000-8000-000000000001';

describe('the committed pact against the reference provider', () => {
  let provider: Provider;
  let url: string;

  beforeAll(async () => {
    provider = createProvider({ tokens: [TOKEN], policyIds: [POLICY_ID], enableStateRoute: true });
    ({ url } = await provider.listen({ port: 0 }));
  });
  afterAll(() => provider.close());

  it('verifies green with the policy id mapped to one the provider has', async () => {
    const report = await verifyProvider({
      baseUrl: url,
      token: TOKEN,
      policyId: POLICY_ID,
      pacts: [DEFAULT_PACT_FILE],
    });
    expect(report.interactions.filter((interaction) => !interaction.passed)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.interactions).toHaveLength(CREATE_USER_STATUS_INTERACTION_NAMES.length);
  });

  it('verifies green when the provider sets the states up itself (--state-setup-url)', async () => {
    const report = await verifyProvider({
      baseUrl: url,
      token: TOKEN,
      stateSetupUrl: `${url}/_pact/provider-states`,
    });
    expect(report.stateFailures).toEqual([]);
    expect(report.interactions.filter((interaction) => !interaction.passed)).toEqual([]);
    expect(report.passed).toBe(true);
  });
});
