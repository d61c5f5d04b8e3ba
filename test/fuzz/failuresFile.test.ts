import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors';
import { loadFailures, saveFailures } from '../../src/fuzz/failuresFile';
import type { FuzzReport } from '../../src/fuzz/FuzzReport';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'failures-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const target = { baseUrl: 'http://127.0.0.1:4010', policyId: 'policy-1' };

describe('failures files', () => {
  it('reads back what a run saved: its target, seed and findings', async () => {
    const path = join(dir, 'saved.json');
    await saveFailures(path, { target, seed: 42, findings: [] } as unknown as FuzzReport);
    await expect(loadFailures(path)).resolves.toMatchObject({
      format: 'user-status-contracts/fuzz-failures',
      version: 2,
      target,
      seed: 42,
      findings: [],
    });
  });

  it.each([
    ['a missing file', undefined, /cannot read .*missing\.json: no such file/],
    ['text that is not JSON', '{"format":', /is not JSON .*pass a file written by fuzz/],
    ['JSON of another format', '{"findings":[]}', /is not a failures file written by fuzz/],
    [
      'a file without a target',
      '{"format":"user-status-contracts/fuzz-failures","version":1,"seed":1,"findings":[]}',
      /has no "target" with a "baseUrl" and a "policyId"/,
    ],
  ])('refuses %s with an input error naming the file', async (_label, text, message) => {
    const path = join(
      dir,
      text === undefined ? 'missing.json' : `${_label.replace(/\W+/g, '-')}.json`,
    );
    if (text !== undefined) await writeFile(path, text);
    const error = await loadFailures(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(message);
  });
});
