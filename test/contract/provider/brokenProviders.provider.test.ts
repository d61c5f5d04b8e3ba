import { createUserStatusInteractions } from '../../../src/pact/createUserStatusInteractions';
import { DEFAULT_PACT_FILE } from '../../../src/pact/pactNames';
import type { VerificationReport } from '../../../src/pact/VerificationReport';
import { verifyProvider } from '../../../src/pact/verifyProvider';
import { startTinyProvider, type Defect } from './brokenProviders/startTinyProvider';

const TOKEN = 'tiny-provider-token';
const POLICY_ID = 'tiny-policy';
const { created, createdWithoutNames, missingBearer } = createUserStatusInteractions();

async function verifyAgainst(defect: Defect): Promise<VerificationReport> {
  const provider = await startTinyProvider(defect, { token: TOKEN, policyId: POLICY_ID });
  try {
    return await verifyProvider({
      baseUrl: provider.url,
      token: TOKEN,
      policyId: POLICY_ID,
      pacts: [DEFAULT_PACT_FILE],
    });
  } finally {
    await provider.close();
  }
}

/** The failed interactions' descriptions, each with the paths of its mismatches. */
function failures(report: VerificationReport): Record<string, string[]> {
  return Object.fromEntries(
    report.interactions
      .filter((interaction) => !interaction.passed)
      .map((interaction) => [
        interaction.description,
        interaction.mismatches.map((mismatch) => mismatch.path),
      ]),
  );
}

describe('provider verification of the committed pact', () => {
  it('passes against a provider without defects (so each failure below has one cause)', async () => {
    const report = await verifyAgainst('none');
    expect(failures(report)).toEqual({});
    expect(report.passed).toBe(true);
  });

  it('fails a provider that answers 200 instead of 201, at the status', async () => {
    const report = await verifyAgainst('wrongStatusCode');
    expect(report.passed).toBe(false);
    expect(failures(report)).toEqual({
      [created.description]: ['status'],
      [createdWithoutNames.description]: ['status'],
    });
    const mismatch = report.interactions.find((i) => i.description === created.description)
      ?.mismatches[0];
    expect(mismatch).toMatchObject({ expected: '201', actual: '200' });
  });

  it('fails a provider that leaves out lastReportedDateTime, at $.lastReportedDateTime', async () => {
    const report = await verifyAgainst('missingField');
    expect(report.passed).toBe(false);
    expect(failures(report)).toEqual({
      [created.description]: ['$.lastReportedDateTime'],
      [createdWithoutNames.description]: ['$.lastReportedDateTime'],
    });
  });

  it('fails a provider that sends devicesCount as a string, at $.devicesCount', async () => {
    const report = await verifyAgainst('devicesCountAsString');
    expect(report.passed).toBe(false);
    expect(failures(report)).toEqual({
      [created.description]: ['$.devicesCount'],
      [createdWithoutNames.description]: ['$.devicesCount'],
    });
    const mismatch = report.interactions.find((i) => i.description === created.description)
      ?.mismatches[0];
    expect(mismatch).toMatchObject({ expected: '3', actual: '"3"' });
  });

  it('fails a provider that writes the status in PascalCase, at $.status', async () => {
    const report = await verifyAgainst('pascalCaseStatus');
    expect(report.passed).toBe(false);
    expect(failures(report)).toEqual({
      [created.description]: ['$.status'],
      [createdWithoutNames.description]: ['$.status'],
    });
    const mismatch = report.interactions.find((i) => i.description === created.description)
      ?.mismatches[0];
    expect(mismatch?.actual).toBe('"NonCompliant"');
  });

  it('fails a provider that drops the offset from the date, at $.lastReportedDateTime', async () => {
    const report = await verifyAgainst('dateWithoutOffset');
    expect(report.passed).toBe(false);
    expect(failures(report)).toEqual({
      [created.description]: ['$.lastReportedDateTime'],
      [createdWithoutNames.description]: ['$.lastReportedDateTime'],
    });
  });

  it('fails a provider that answers a request without a token, at the status of the 401 case', async () => {
    const report = await verifyAgainst('no401WithoutToken');
    expect(report.passed).toBe(false);
    expect(failures(report)).toEqual({
      [missingBearer.description]: expect.arrayContaining(['status']) as unknown,
    });
    const mismatch = report.interactions
      .find((i) => i.description === missingBearer.description)
      ?.mismatches.find((m) => m.path === 'status');
    expect(mismatch).toMatchObject({ expected: '401', actual: '201' });
  });
});
