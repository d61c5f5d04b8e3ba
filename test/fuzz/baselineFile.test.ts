import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { optionFlag } from '../../src/cli/optionFlags';
import { InputError } from '../../src/errors';
import { loadBaseline } from '../../src/fuzz/baselineFile';

describe('loadBaseline', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baseline-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('tells a library caller that saveBaseline writes one, and the CLI its flag', async () => {
    const error = await loadBaseline(join(dir, 'missing.json')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/no such file \(saveBaseline writes one\)$/);
    expect((error as InputError).messageNaming(optionFlag)).toMatch(
      /no such file \(--save-baseline writes one\)$/,
    );
  });
});
