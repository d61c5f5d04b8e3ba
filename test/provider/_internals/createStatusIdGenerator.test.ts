import { createStatusIdGenerator } from '../../../src/provider/_internals/createStatusIdGenerator';

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const STATUS_ID = new RegExp(`^${GUID}_${GUID}_${GUID}$`);

describe('createStatusIdGenerator', () => {
  it('makes ids of three version-4 GUIDs joined by underscores', () => {
    const next = createStatusIdGenerator(1);
    for (let i = 0; i < 1000; i++) expect(next()).toMatch(STATUS_ID);
  });

  it('never repeats an id', () => {
    const next = createStatusIdGenerator(7);
    const ids = new Set<string>();
    for (let i = 0; i < 200_000; i++) ids.add(next());
    expect(ids.size).toBe(200_000);
  });

  it('is reproducible from its seed, and different seeds give different ids', () => {
    const take = (seed: number): string[] => {
      const next = createStatusIdGenerator(seed);
      return Array.from({ length: 5 }, () => next());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(new Set([...take(1), ...take(2)]).size).toBe(10);
  });
});
