import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect as globalsExpect } from '@jest/globals';
import { userStatusMatchers } from '../../src/jest';
import { UsageError } from '../../src/errors';
import { CREATE_BODY, ENTITY } from './httpHarness';

const ENTRY = join(__dirname, '..', '..', 'src', 'jest', 'index.ts');

/** Loads the entry in a fresh process, optionally with a fake global `expect`, and reports. */
function loadEntryInFreshProcess(withGlobalExpect: boolean): {
  exports: string[];
  matchers: string[];
  extendedWith: string[] | null;
  testingModules: string[];
} {
  const script = `
    require('ts-node').register({ transpileOnly: true });
    let extendedWith = null;
    if (${String(withGlobalExpect)}) {
      globalThis.expect = Object.assign(() => {}, { extend: (m) => { extendedWith = Object.keys(m); } });
    }
    const entry = require(${JSON.stringify(ENTRY)});
    const testingModules = Object.keys(require.cache).filter((file) =>
      /node_modules[\\\\/](expect|jest[^\\\\/]*|@jest|@types)[\\\\/]/.test(file),
    );
    console.log(JSON.stringify({
      exports: Object.keys(entry),
      matchers: Object.keys(entry.userStatusMatchers),
      extendedWith,
      testingModules,
    }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as {
    exports: string[];
    matchers: string[];
    extendedWith: string[] | null;
    testingModules: string[];
  };
}

const MATCHER_NAMES = [
  'toMatchUserStatusContract',
  'toBeValidCreateUserStatusRequest',
  'toBeGraphError',
  'toBeResilientClient',
];

describe('the jest entry', () => {
  it('loads without Jest: no global expect, no testing package required, userStatusMatchers exported', () => {
    const loaded = loadEntryInFreshProcess(false);
    expect(loaded).toEqual({
      exports: ['userStatusMatchers'],
      matchers: MATCHER_NAMES,
      extendedWith: null,
      testingModules: [],
    });
  }, 60_000);

  it('registers the matchers with a global expect when one exists', () => {
    expect(loadEntryInFreshProcess(true).extendedWith).toEqual(MATCHER_NAMES);
  }, 60_000);

  it('registers them with Jest on import, so the global expect has them', () => {
    expect(ENTITY).toMatchUserStatusContract();
    expect(() => expect(CREATE_BODY).toMatchUserStatusContract()).toThrow(/\/id required/);
  });

  it('works with expect from @jest/globals, typed by the expect module augmentation', () => {
    globalsExpect.extend(userStatusMatchers);
    globalsExpect(ENTITY).toMatchUserStatusContract();
    globalsExpect(CREATE_BODY).toBeValidCreateUserStatusRequest({ profile: 'graph-metadata' });
    globalsExpect(() => globalsExpect(ENTITY).toBeGraphError()).toThrow(/\/error required/);
  });
});

// The lines below are checked by the compiler as well as run: `npm run lint` (tsc --noEmit) fails
// if a matcher's signature or return type drifts from what users are told.
describe('the matchers’ types', () => {
  it('return a Promise for a fetch Response and nothing for a value', async () => {
    const response = new Response(JSON.stringify(ENTITY), { status: 200 });
    const asserted: Promise<void> = expect(response).toMatchUserStatusContract();
    await asserted;
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: JSON.stringify(CREATE_BODY),
    });
    const requestAsserted: Promise<void> = expect(request).toBeValidCreateUserStatusRequest();
    await requestAsserted;

    // @ts-expect-error an assertion on a plain value is synchronous, not a Promise
    const notAPromise: Promise<void> = expect(ENTITY).toMatchUserStatusContract();
    expect(notAPromise).toBeUndefined();

    // A value typed `any` (supertest's `res.body`) is taken as synchronous too.
    const untyped = JSON.parse(JSON.stringify(ENTITY));
    // @ts-expect-error `any` is not taken for a Response
    const alsoNotAPromise: Promise<void> = expect(untyped).toMatchUserStatusContract();
    expect(alsoNotAPromise).toBeUndefined();
  });

  it('reject arguments of the wrong type', () => {
    // @ts-expect-error the status is a number
    expect(() => expect(ENTITY).toBeGraphError('404')).toThrow(UsageError);
    // @ts-expect-error the profile is documented or graph-metadata
    expect(() => expect(ENTITY).toBeValidCreateUserStatusRequest({ profile: 'beta' })).toThrow(
      UsageError,
    );
    // @ts-expect-error toMatchUserStatusContract takes no argument
    expect(ENTITY).toMatchUserStatusContract('entity');
  });
});
