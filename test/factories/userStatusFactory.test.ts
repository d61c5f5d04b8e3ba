import { COMPLIANCE_STATUSES } from '../../src/contracts/complianceStatuses';
import { createUserStatusRequestFactory } from '../../src/factories/createUserStatusRequestFactory';
import { REFERENCE_DATE } from '../../src/factories/referenceDate';
import { userStatusFactory } from '../../src/factories/userStatusFactory';
import { describeValidGeneratorBattery } from '../helpers/generatorAssertions';

describeValidGeneratorBattery({
  name: 'userStatusFactory',
  contract: 'entity',
  generate: (seed, count) => userStatusFactory.seed(seed).buildList(count),
});

describeValidGeneratorBattery({
  name: 'userStatusFactory with every trait',
  contract: 'entity',
  generate: (seed, count) =>
    COMPLIANCE_STATUSES.flatMap((status) =>
      userStatusFactory
        .seed(seed)
        .withStatus(status)
        .anonymous()
        .buildList(Math.ceil(count / 8)),
    ),
});

describe('userStatusFactory', () => {
  const statuses = userStatusFactory.seed(3).buildList(2_000);

  it('builds the same entity for seed 7 on every machine and every run', () => {
    // Pinned: a change here means generated data changed for every user of the package.
    expect(userStatusFactory.seed(7).build()).toEqual({
      '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
      id: '87a60e53-f3ba-4818-9ec9-301cf059c2d9_f4b1c345-6cae-47df-a666-bc10cd13eb40_08fa2a30-ef61-45d8-9758-8114bd01f029',
      userDisplayName: 'Aidan Heller',
      devicesCount: 2,
      status: 'nonCompliant',
      lastReportedDateTime: '2025-12-09T11:22:24.0041692Z',
      userPrincipalName: 'aidan.heller@kulaskling.onmicrosoft.com',
    });
  });

  it('gives ids made of three GUIDs joined by underscores, unique within a list', () => {
    const guid = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
    for (const { id } of statuses) expect(id).toMatch(new RegExp(`^${guid}_${guid}_${guid}$`));
    expect(new Set(statuses.map(({ id }) => id)).size).toBe(statuses.length);
  });

  it('gives a user principal name that matches the display name, in one tenant per seed', () => {
    const tenants = new Set<string>();
    for (const { userDisplayName, userPrincipalName } of statuses) {
      const [first, last] = (userDisplayName ?? '').split(' ');
      const plain = (name = '') =>
        name
          .normalize('NFKD')
          .replace(/[^A-Za-z0-9]/g, '')
          .toLowerCase();
      const [local, domain] = (userPrincipalName ?? '').split('@');
      expect(local).toBe(`${plain(first)}.${plain(last)}`);
      expect(domain).toMatch(/^[a-z0-9]+\.onmicrosoft\.com$/);
      tenants.add(domain ?? '');
    }
    expect(tenants.size).toBe(1);
    expect(userStatusFactory.seed(4).build().userPrincipalName).not.toContain([...tenants][0]);
  });

  it('reports within the 30 days before the reference date, with 7 fractional digits and Z', () => {
    const end = Date.parse(REFERENCE_DATE);
    for (const { lastReportedDateTime } of statuses) {
      expect(lastReportedDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
      const time = Date.parse(lastReportedDateTime);
      expect(time).toBeLessThanOrEqual(end);
      expect(time).toBeGreaterThanOrEqual(end - 30 * 24 * 60 * 60 * 1000);
    }
  });

  it('counts mostly 0 to 5 devices and weights statuses toward compliant', () => {
    const fewDevices = statuses.filter(
      ({ devicesCount }) => devicesCount >= 0 && devicesCount <= 5,
    );
    expect(fewDevices.length / statuses.length).toBeGreaterThan(0.85);
    const share = (status: string) =>
      statuses.filter((s) => s.status === status).length / statuses.length;
    expect(share('compliant')).toBeGreaterThan(0.5);
    for (const status of COMPLIANCE_STATUSES) expect(share(status)).toBeGreaterThan(0);
  });

  it('builds entity N of a seed from the same values as request N of that seed', () => {
    const entities = userStatusFactory.seed(11).buildList(5);
    const requests = createUserStatusRequestFactory.seed(11).buildList(5);
    expect(entities.map(({ id: _id, ...rest }) => rest)).toEqual(requests);
  });
});
