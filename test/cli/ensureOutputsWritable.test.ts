import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureOutputsWritable } from '../../src/cli/ensureOutputsWritable';
import { UsageError } from '../../src/errors';
import type { ReportTargets } from '../../src/cli/fuzzFlags';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outputs-'));
  await writeFile(join(dir, 'existing.json'), '{}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ensureOutputsWritable', () => {
  it('accepts a new file in an existing directory without creating it', async () => {
    const path = join(dir, 'new.xml');
    await expect(ensureOutputsWritable({ junit: path }, join(dir, 'failures.json'))).resolves.toBe(
      undefined,
    );
    expect(existsSync(path)).toBe(false);
    expect(existsSync(join(dir, 'failures.json'))).toBe(false);
  });

  it('accepts an existing file, which the run will overwrite', async () => {
    await expect(ensureOutputsWritable({ json: join(dir, 'existing.json') }, false)).resolves.toBe(
      undefined,
    );
  });

  it.each<[string, () => [ReportTargets, string | false], RegExp]>([
    [
      'a report in a missing directory',
      () => [{ json: join(dir, 'missing', 'r.json') }, false],
      /--report json=.*the directory .*missing does not exist/,
    ],
    [
      'a directory as --save-failures',
      () => [{}, dir],
      /--save-failures .*outputs-\w+: it is a directory; name a file/,
    ],
    [
      'a report under a file',
      () => [{ junit: join(dir, 'existing.json', 'r.xml') }, false],
      /--report junit=.*existing\.json is not a directory/,
    ],
  ])('refuses %s with a usage error naming the flag', async (_label, outputs, message) => {
    const error = await ensureOutputsWritable(...outputs()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
  });
});
