import fc from 'fast-check';
import { userStatusArbitrary, userStatusExamples } from '../../src/arbitraries/userStatusArbitrary';
import { arbitrarySubject, describeValidGeneratorBattery } from '../helpers/generatorAssertions';

describeValidGeneratorBattery({
  ...arbitrarySubject('userStatusArbitrary()', userStatusArbitrary()),
  contract: 'entity',
  examples: userStatusExamples(),
});

describeValidGeneratorBattery({
  ...arbitrarySubject(
    "userStatusArbitrary({ status: 'error', nullableNames: false, annotations: false })",
    userStatusArbitrary({ status: 'error', nullableNames: false, annotations: false }),
  ),
  contract: 'entity',
  examples: userStatusExamples({ status: 'error', nullableNames: false, annotations: false }),
});

describe('userStatusArbitrary', () => {
  const statuses = fc.sample(userStatusArbitrary(), { seed: 1, numRuns: 2_000 });

  it('mostly gives Graph-style ids of three GUIDs, and sometimes any other non-empty string', () => {
    const graphStyle = statuses.filter(({ id }) => /^([0-9a-f-]{36}_){2}[0-9a-f-]{36}$/i.test(id));
    expect(graphStyle.length).toBeGreaterThan(statuses.length / 3);
    expect(graphStyle.length).toBeLessThan(statuses.length);
    expect(statuses.every(({ id }) => id.length > 0)).toBe(true);
  });

  it('sometimes adds @odata.type, @odata.context and other annotations', () => {
    const keys = new Set(statuses.flatMap((status) => Object.keys(status)));
    expect(keys).toContain('@odata.type');
    expect(keys).toContain('@odata.context');
    expect([...keys].some((key) => key.includes('@') && !key.startsWith('@odata.'))).toBe(true);
  });

  it('adds no annotation when asked not to', () => {
    const plain = fc.sample(userStatusArbitrary({ annotations: false }), { seed: 2, numRuns: 300 });
    expect(plain.flatMap((status) => Object.keys(status)).some((key) => key.includes('@'))).toBe(
      false,
    );
  });
});
