import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractName, RequestProfile } from '../../src/contracts/registry';

/** Absolute path of the `fixtures/` folder. */
export const fixturesDirectory: string = join(__dirname, '..', '..', 'fixtures');

/** One (path, rule) pair an invalid fixture breaks, as labelled in `fixtures/fixtures.json`. */
export interface FixtureViolation {
  /** JSON pointer of the offending value. */
  readonly path: string;
  /** The JSON Schema keyword it breaks. */
  readonly rule: string;
  /** What is wrong, in words. */
  readonly description: string;
}

/** One labelled fixture file. */
export interface FixtureEntry {
  /** Path relative to `fixtures/`, with `/` separators. */
  readonly file: string;
  readonly contract: ContractName;
  /** Present for `request` fixtures only. */
  readonly profile?: RequestProfile;
  readonly valid: boolean;
  /** The edge the fixture covers. */
  readonly description: string;
  /** Empty for valid fixtures. */
  readonly violations: readonly FixtureViolation[];
  /** For valid fixtures that break only the toolkit's advice (`listAdvisories`), what they break. */
  readonly advisories?: readonly FixtureViolation[];
}

/** Every labelled fixture, as listed in `fixtures/fixtures.json`. */
export function loadFixtureManifest(): readonly FixtureEntry[] {
  const manifest = JSON.parse(readFileSync(join(fixturesDirectory, 'fixtures.json'), 'utf8')) as {
    fixtures: FixtureEntry[];
  };
  return manifest.fixtures;
}

/** The parsed JSON of one fixture file (relative to `fixtures/`). */
export function readFixture(file: string): unknown {
  return JSON.parse(readFileSync(join(fixturesDirectory, file), 'utf8')) as unknown;
}
