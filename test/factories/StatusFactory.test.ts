import { COMPLIANCE_STATUSES } from '../../src/contracts/complianceStatuses';
import { ContractViolationError, UsageError } from '../../src/errors';
import { createUserStatusRequestFactory } from '../../src/factories/createUserStatusRequestFactory';
import { FACTORY_TRAITS } from '../../src/factories/factoryTraits';
import { userStatusFactory } from '../../src/factories/userStatusFactory';

describe('StatusFactory traits', () => {
  it.each(COMPLIANCE_STATUSES)('has a trait that sets status %s', (status) => {
    const factory = userStatusFactory.seed(1)[status]();
    for (const built of factory.buildList(20)) expect(built.status).toBe(status);
  });

  it('chains traits and leaves every other field as the seed made it', () => {
    const plain = createUserStatusRequestFactory.seed(5).build();
    const chained = createUserStatusRequestFactory.seed(5).nonCompliant().withDevices(3).build();
    expect(chained).toEqual({ ...plain, status: 'nonCompliant', devicesCount: 3 });
  });

  it('makes an anonymous user with null names', () => {
    const built = userStatusFactory.seed(1).anonymous().build();
    expect(built.userDisplayName).toBeNull();
    expect(built.userPrincipalName).toBeNull();
  });

  it('writes reportedAt(Date) as Graph does, and keeps a valid string as written', () => {
    const fromDate = userStatusFactory.reportedAt(new Date('2024-02-29T12:34:56.789Z')).build();
    expect(fromDate.lastReportedDateTime).toBe('2024-02-29T12:34:56.7890000Z');
    const fromString = userStatusFactory.reportedAt('2016-12-31T23:59:23.3984029-08:00').build();
    expect(fromString.lastReportedDateTime).toBe('2016-12-31T23:59:23.3984029-08:00');
  });

  it('applies a trait by name, for every name the CLI offers', () => {
    for (const trait of FACTORY_TRAITS) {
      const built = createUserStatusRequestFactory.trait(trait).build();
      if (trait === 'anonymous') expect(built.userDisplayName).toBeNull();
      else expect(built.status).toBe(trait);
    }
  });

  it('returns a new factory from every trait, leaving the original untouched', () => {
    const base = userStatusFactory.seed(9);
    const derived = base.error();
    expect(derived).not.toBe(base);
    expect(base.buildList(50).some(({ status }) => status !== 'error')).toBe(true);
  });

  it.each([
    ['withDevices(1.5)', () => userStatusFactory.withDevices(1.5)],
    ['withDevices(2 ** 31)', () => userStatusFactory.withDevices(2 ** 31)],
    ['reportedAt("yesterday")', () => userStatusFactory.reportedAt('yesterday')],
    ['reportedAt(an invalid Date)', () => userStatusFactory.reportedAt(new Date('x'))],
    [
      'reportedAt(year 10000)',
      () => userStatusFactory.reportedAt(new Date('+010000-01-01T00:00:00Z')),
    ],
    ['seed(1.5)', () => userStatusFactory.seed(1.5)],
  ])('refuses %s with a UsageError', (_call, call) => {
    expect(call).toThrow(UsageError);
  });
});

describe('StatusFactory overrides', () => {
  it('merges build params over the generated values, as fishery does', () => {
    const built = userStatusFactory
      .seed(1)
      .build({ devicesCount: 0, userDisplayName: 'Megan Bowen' });
    expect(built).toMatchObject({ devicesCount: 0, userDisplayName: 'Megan Bowen' });
    expect(built.id).toBe(userStatusFactory.seed(1).build().id);
  });

  it('lets build params win over traits', () => {
    expect(userStatusFactory.compliant().build({ status: 'conflict' }).status).toBe('conflict');
  });

  it('accepts OData annotations as overrides on the entity', () => {
    const built = userStatusFactory.build({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#x',
    });
    expect(built['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#x');
  });

  it('throws a ContractViolationError naming the issue when an override breaks the contract', () => {
    const breaking = () => userStatusFactory.build({ devicesCount: 2 ** 31 });
    expect(breaking).toThrow(ContractViolationError);
    expect(breaking).toThrow(/\/devicesCount maximum/);
  });
});

describe('StatusFactory seeds', () => {
  it('builds object N of a seed the same whatever was built before, by any factory', () => {
    const expected = userStatusFactory.seed(21).buildList(5);
    userStatusFactory.buildList(7);
    userStatusFactory.seed(22).buildList(3);
    createUserStatusRequestFactory.seed(21).buildList(4);
    expect(userStatusFactory.seed(21).buildList(5)).toEqual(expected);
  });

  it('continues the sequence across builds of one seeded factory', () => {
    const seeded = userStatusFactory.seed(8);
    const one = [seeded.build(), seeded.build(), seeded.build()];
    expect(one).toEqual(userStatusFactory.seed(8).buildList(3));
  });

  it('gives the same result whether seed() comes before or after a trait', () => {
    expect(userStatusFactory.nonCompliant().seed(7).buildList(3)).toEqual(
      userStatusFactory.seed(7).nonCompliant().buildList(3),
    );
  });

  it('shares the sequence between a seeded factory and those derived from it, as fishery does', () => {
    const seeded = userStatusFactory.seed(4);
    const [first, second] = userStatusFactory.seed(4).buildList(2);
    expect(seeded.build()).toEqual(first);
    expect(seeded.remediated().build()).toEqual({ ...second, status: 'remediated' });
  });

  it('restarts at object 1 after rewindSequence()', () => {
    const seeded = userStatusFactory.seed(6);
    const first = seeded.build();
    seeded.build();
    seeded.rewindSequence();
    expect(seeded.build()).toEqual(first);
  });

  it('takes the seed as a { seed } build option, the same as seed()', () => {
    expect(userStatusFactory.build({}, { seed: 13 })).toEqual(userStatusFactory.seed(13).build());
    expect(userStatusFactory.build({}, { seed: 13 })).toEqual(
      userStatusFactory.build({}, { seed: 13 }),
    );
    expect(userStatusFactory.buildList(4, {}, { seed: 13 })).toEqual(
      userStatusFactory.seed(13).buildList(4),
    );
  });

  it('accepts any safe integer as a seed, negative and large ones included', () => {
    const values = [0, -1, 2 ** 32, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER].map(
      (seed) => userStatusFactory.seed(seed).build().id,
    );
    expect(new Set(values).size).toBe(values.length);
  });
});
