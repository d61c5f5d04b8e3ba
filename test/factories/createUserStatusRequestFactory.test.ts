import { createUserStatusRequestFactory } from '../../src/factories/createUserStatusRequestFactory';
import { describeValidGeneratorBattery } from '../helpers/generatorAssertions';

describeValidGeneratorBattery({
  name: 'createUserStatusRequestFactory',
  contract: 'request',
  generate: (seed, count) => createUserStatusRequestFactory.seed(seed).buildList(count),
});

describeValidGeneratorBattery({
  name: 'createUserStatusRequestFactory (graph-metadata profile)',
  contract: 'request',
  profile: 'graph-metadata',
  generate: (seed, count) => createUserStatusRequestFactory.seed(seed).buildList(count),
});

describe('createUserStatusRequestFactory', () => {
  it('builds the same body for seed 7 on every machine and every run', () => {
    expect(createUserStatusRequestFactory.seed(7).build()).toEqual({
      '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
      userDisplayName: 'Aidan Heller',
      devicesCount: 2,
      status: 'nonCompliant',
      lastReportedDateTime: '2025-12-09T11:22:24.0041692Z',
      userPrincipalName: 'aidan.heller@kulaskling.onmicrosoft.com',
    });
  });

  it('sends what a client sends: no id, the documented properties and @odata.type', () => {
    for (const body of createUserStatusRequestFactory.seed(2).buildList(100)) {
      expect(Object.keys(body)).toEqual([
        '@odata.type',
        'userDisplayName',
        'devicesCount',
        'status',
        'lastReportedDateTime',
        'userPrincipalName',
      ]);
    }
  });
});
