import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import ts from 'typescript';

// Imports flow one way: contracts, then the errors the toolkit throws (with the option check that
// throws one, the optional-peer check) and the redaction of secrets in text, then the validator
// and the report writers (JUnit XML) that Pact's and the fuzzer's reports share, then the generators, the fault model, Pact, the client and the matchers; then the provider, the
// fuzzer, the MSW mocks and the resilience runner; then the CLI. The package entry (src/index.ts)
// sits above everything it re-exports.
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['contracts'],
  ['errors.ts', 'redactSecret.ts', 'positiveInteger.ts', 'requirePeer.ts'],
  ['validator', 'reports'],
  ['arbitraries', 'factories', 'faults', 'pact', 'client', 'jest', 'vitest'],
  ['provider', 'fuzz', 'msw', 'resilience'],
  ['cli'],
  ['index.ts'],
];

const SRC = join(__dirname, '..', '..', 'src');

/** The layer of a path relative to src/ (`fuzz/fuzz.ts`), or undefined for an unknown area. */
function layerOf(path: string): number | undefined {
  const area = path.split('/')[0] ?? '';
  // `../errors` names errors.ts; a directory import names the directory.
  const index = LAYERS.findIndex((names) => names.includes(area) || names.includes(`${area}.ts`));
  return index === -1 ? undefined : index;
}

/** Every import of the given sources (path relative to src/ mapped to text) that points up a layer. */
function upwardImports(sources: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, text] of sources) {
    const from = layerOf(path);
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(path), fileName));
      // Files outside src/ (package.json) are data, not a layer.
      if (target.startsWith('../')) continue;
      const to = layerOf(target);
      if (from === undefined || to === undefined) {
        problems.push(`${path} -> ${target}: not in a known layer`);
      } else if (to > from) {
        problems.push(`${path} imports ${fileName}, a layer above it`);
      }
    }
  }
  return problems;
}

/**
 * Every import of a module under an `_internals/` directory from outside the directory that holds
 * it: `fuzz/_internals/` is private to `fuzz/` (its checks included), whatever the layers allow.
 */
function privateImports(sources: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, text] of sources) {
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const segments = posix.normalize(posix.join(posix.dirname(path), fileName)).split('/');
      const at = segments.indexOf('_internals');
      if (at === -1) continue;
      const owner = `${segments.slice(0, at).join('/')}/`;
      if (!path.startsWith(owner))
        problems.push(`${path} imports ${fileName}, private to ${owner}`);
    }
  }
  return problems;
}

function readSources(directory: string): Map<string, string> {
  const sources = new Map<string, string>();
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    sources.set(relative(directory, file).split('\\').join('/'), readFileSync(file, 'utf8'));
  }
  return sources;
}

describe('the import layers of src/', () => {
  it('has no import that points up a layer', () => {
    const sources = readSources(SRC);
    expect(sources.size).toBeGreaterThan(50);
    expect(upwardImports(sources)).toEqual([]);
  });

  it('imports no _internals/ module from outside the directory that holds it', () => {
    expect(privateImports(readSources(SRC))).toEqual([]);
  });

  it("flags the CLI reaching into the fuzzer's internals, and lets the fuzzer's checks in", () => {
    const sources = new Map([
      ['cli/commands/fuzz.ts', "import { runCase } from '../../fuzz/_internals/runCase';\n"],
      ['fuzz/checks/createEcho.ts', "import { judgeEcho } from '../_internals/echoRules';\n"],
      ['fuzz/_internals/runCase.ts', "import { sendRequest } from './sendRequest';\n"],
    ]);
    expect(privateImports(sources)).toEqual([
      'cli/commands/fuzz.ts imports ../../fuzz/_internals/runCase, private to fuzz/',
    ]);
  });

  it('flags a validator file that imports the fuzzer', () => {
    const sources = new Map([
      ['validator/check.ts', "import { fuzz } from '../fuzz/fuzz';\n"],
      ['fuzz/fuzz.ts', "import { check } from '../validator/check';\n"],
    ]);
    expect(upwardImports(sources)).toEqual([
      'validator/check.ts imports ../fuzz/fuzz, a layer above it',
    ]);
  });

  it('flags errors.ts reaching up into the validator, which throws its errors', () => {
    const sources = new Map([
      ['errors.ts', "import type { ValidationIssue } from './validator/ValidationIssue';\n"],
      ['validator/assertValid.ts', "import { ContractViolationError } from '../errors';\n"],
    ]);
    expect(upwardImports(sources)).toEqual([
      'errors.ts imports ./validator/ValidationIssue, a layer above it',
    ]);
  });

  it('flags a file outside every known layer', () => {
    expect(
      upwardImports(new Map([['misc/thing.ts', "import { x } from '../cli/run';\n"]])),
    ).toEqual(['misc/thing.ts -> cli/run: not in a known layer']);
  });
});
