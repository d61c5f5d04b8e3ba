import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('the package entry', () => {
  it('exports the toolkit without loading the Pact native core', () => {
    // A fresh process: this test file's own imports must not count.
    const script = `
      require('ts-node').register({ transpileOnly: true });
      const api = require(${JSON.stringify(join(__dirname, '..', 'src', 'index.ts'))});
      const pact = Object.keys(require.cache).filter((file) => /@pact-foundation|@pactflow/.test(file));
      console.log(JSON.stringify({ exports: Object.keys(api), pact }));
    `;
    const { exports, pact } = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }),
    ) as {
      exports: string[];
      pact: string[];
    };
    expect(pact).toEqual([]);
    expect(exports).toEqual(
      expect.arrayContaining([
        'check',
        'listIssues',
        'assertValid',
        'userStatusFactory',
        'createUserStatusRequestArbitrary',
        'createProvider',
        'fuzz',
      ]),
    );
  }, 60_000);
});
