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
