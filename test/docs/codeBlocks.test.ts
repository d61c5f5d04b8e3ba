// Every fenced code block of README.md and docs/ is covered here, by its language: TypeScript is
// type-checked (and run when it is a script), shell and workflow lines are parsed by the CLI's own
// program (and run when their comment says `exit N`), JSON parses, and the rest names the test that
// covers it. A new page or block is picked up without registering it; docs/design.md has the rules.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { ContractName } from '../../src/contracts/registry';
import { createProvider, type Provider } from '../../src/provider/createProvider';
import { DEFAULT_POLICY_ID, DEFAULT_TOKEN } from '../../src/provider/defaults';
import { listIssues } from '../../src/validator/listIssues';
import {
  REPOSITORY_ROOT,
  blockLocation,
  docBlocks,
  docPages,
  readPage,
} from '../helpers/docBlocks';
import { runCli } from '../helpers/runCli';
import { cliArgsOf, shellPipelineProblems } from '../helpers/shellPipelineProblems';
import { shellPipelines, yamlRunSteps, type ShellPipeline } from '../helpers/shellCommands';
import { typeCheckSnippets } from '../helpers/typeCheckSnippets';

process.env['PACT_DO_NOT_TRACK'] = 'true';

/** The front page's limit: a newcomer reads it whole. */
const README_MAX_LINES = 160;
const MAX_LINE_LENGTH = 200;

/** Loopback URLs that pages use for "your server": the shared provider stands in for them. */
const STAND_IN_URLS = ['http://127.0.0.1:4010', 'http://127.0.0.1:8080'];

const TS_LANGS = new Set(['ts', 'typescript']);
const SHELL_LANGS = new Set(['sh', 'bash', 'shell', 'console']);
const CONTRACTS = new Set<string>(['request', 'entity', 'error']);

const blocks = docBlocks();
let provider: Provider;
let providerUrl: string;
let typeErrors: Map<string, string[]>;

beforeAll(async () => {
  provider = createProvider({
    tokens: [DEFAULT_TOKEN],
    policyIds: [DEFAULT_POLICY_ID],
    enableStateRoute: true,
    selfCheck: true,
  });
  ({ url: providerUrl } = await provider.listen({ host: '127.0.0.1', port: 0 }));
  typeErrors = typeCheckSnippets(
    blocks
      .filter((block) => TS_LANGS.has(block.lang))
      .map((block) => ({
        name: blockLocation(block),
        context: block.markers['ts-context'] ?? '',
        code: block.code,
      })),
  );
}, 120_000);

afterAll(async () => {
  await provider?.close();
});

/** The shell environment pages' commands see: the shared provider, its token and policy. */
function shellEnv(): Record<string, string> {
  return {
    BASE_URL: providerUrl,
    PROVIDER_URL: providerUrl,
    TOKEN: DEFAULT_TOKEN,
    POLICY_ID: DEFAULT_POLICY_ID,
  };
}

function standIn(text: string): string {
  return STAND_IN_URLS.reduce((result, url) => result.split(url).join(providerUrl), text);
}

function isTestFile(code: string): boolean {
  return /^\s*(test|it|describe)(\.\w+)*\(/m.test(code);
}

function expandGlob(pattern: string): string[] {
  const slash = pattern.lastIndexOf('/');
  const folder = slash < 0 ? '.' : pattern.slice(0, slash);
  const name = new RegExp(
    `^${pattern
      .slice(slash + 1)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')}$`,
  );
  const matches = readdirSync(join(REPOSITORY_ROOT, folder))
    .filter((entry) => name.test(entry))
    .sort()
    .map((entry) => join(REPOSITORY_ROOT, folder, entry));
  if (matches.length === 0) throw new Error(`${pattern} matches no file`);
  return matches;
}

/** Runs a pipeline of CLI commands in this process, each reading the previous one's output. */
async function runPipeline(pipeline: ShellPipeline): Promise<{ code: number; output: string }> {
  let stdin = '';
  let result = { code: 0, output: '' };
  for (const [index, words] of pipeline.commands.entries()) {
    const args = cliArgsOf(words);
    if (args === undefined)
      throw new Error(`"${words.join(' ')}" is not the CLI: only the CLI is run`);
    const globs = new Set(
      (pipeline.globs[index] ?? []).map((at) => at - (words.length - args.length)),
    );
    const argv = args.flatMap((arg, at) => (globs.has(at) ? expandGlob(arg) : [standIn(arg)]));
    const run = await runCli(argv, { stdin, env: {} });
    stdin = run.stdout;
    result = { code: run.code, output: `${run.stdout}${run.stderr}` };
  }
  return result;
}

/** Runs a TypeScript script block in this process, with Jest's `require` (names mapped to src/). */
async function runScript(code: string): Promise<string[]> {
  const { outputText } = ts.transpileModule(standIn(code), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  const logged: string[] = [];
  const quietConsole = {
    ...console,
    log: (...values: unknown[]) => void logged.push(values.join(' ')),
  };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction('require', 'exports', 'console', outputText)(require, {}, quietConsole);
  return logged;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The relative links of a page (outside code blocks) whose file or heading does not exist. */
function brokenLinks(page: string): string[] {
  const text = readPage(page).replace(/^```[\s\S]*?^```/gm, '');
  const folder = page.includes('/') ? page.slice(0, page.lastIndexOf('/')) : '.';
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].flatMap(([, target = '']) => {
    if (/^[a-z]+:/.test(target)) return [];
    const [path = '', anchor] = target.split('#');
    const file = path === '' ? page : join(folder, path).split('\\').join('/');
    if (!existsSync(join(REPOSITORY_ROOT, file))) return [`${page}: ${target} (no such file)`];
    if (anchor === undefined || !file.endsWith('.md')) return [];
    const slugs = readPage(file)
      .replace(/^```[\s\S]*?^```/gm, '')
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => headingSlug(line.replace(/^#+ /, '')));
    return slugs.includes(anchor) ? [] : [`${page}: ${target} (no such heading)`];
  });
}

function openapiHasOperation(method: string, path: string): boolean {
  const openapi = JSON.parse(
    readFileSync(join(REPOSITORY_ROOT, 'contracts', 'openapi.json'), 'utf8'),
  ) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(openapi.paths).some(
    ([template, item]) =>
      new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(
        path.replace(/\{[^}]+\}/g, 'x'),
      ) && method.toLowerCase() in item,
  );
}

describe('the documentation pages', () => {
  it(`keep README.md to at most ${README_MAX_LINES} lines`, () => {
    expect(readPage('README.md').split('\n').length).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it(`have no line over ${MAX_LINE_LENGTH} characters`, () => {
    const long = docPages().flatMap((page) =>
      readPage(page)
        .split('\n')
        .flatMap((text, index) => (text.length > MAX_LINE_LENGTH ? [`${page}:${index + 1}`] : [])),
    );
    expect(long).toEqual([]);
  });

  it('link only to files and headings that exist', () => {
    const broken = docPages().flatMap((page) => brokenLinks(page));
    expect(broken).toEqual([]);
  });

  it('have code blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(20);
  });
});

describe.each(blocks.map((block) => [blockLocation(block), block] as const))(
  '%s',
  (_name, block) => {
    const { markers } = block;

    if (markers['not-run'] !== undefined) {
      it('says why it is not checked', () => {
        expect(markers['not-run']).not.toBe('');
      });
      return;
    }

    if (markers['tested-by'] !== undefined) {
      it('names a test that exists and reads this page', () => {
        const path = markers['tested-by'] ?? '';
        expect(existsSync(join(REPOSITORY_ROOT, path))).toBe(true);
        expect(readFileSync(join(REPOSITORY_ROOT, path), 'utf8')).toContain(block.file);
      });
    }

    if (TS_LANGS.has(block.lang)) {
      it('type-checks against the sources', () => {
        expect(typeErrors.get(blockLocation(block))).toEqual([]);
      });
      const fragment = markers['ts-context'] !== undefined;
      if (!fragment && markers['tested-by'] === undefined) {
        if (isTestFile(block.code)) {
          it('is a test file, so it names the test that runs it (tested-by)', () => {
            expect(markers['tested-by']).toBeDefined();
          });
        } else {
          it('runs', async () => {
            await expect(runScript(block.code)).resolves.toBeDefined();
          }, 60_000);
        }
      }
      return;
    }

    if (SHELL_LANGS.has(block.lang)) {
      it('shows only commands the CLI accepts, or allowed ones', () => {
        const pipelines = shellPipelines(block.code, shellEnv());
        expect(pipelines.flatMap(shellPipelineProblems)).toEqual([]);
      });
      const runnable = shellPipelines(block.code).filter((pipeline) =>
        /\bexit \d\b/.test(pipeline.comment),
      );
      for (const pipeline of runnable) {
        const expected = Number(/\bexit (\d)\b/.exec(pipeline.comment)?.[1]);
        it(`line ${pipeline.line} exits ${expected}`, async () => {
          const [current] = shellPipelines(block.code, shellEnv()).filter(
            (p) => p.line === pipeline.line,
          );
          const result = await runPipeline(current ?? pipeline);
          if (result.code !== expected)
            throw new Error(`exited ${result.code}:\n${result.output.slice(0, 2000)}`);
        }, 60_000);
      }
      return;
    }

    if (block.lang === 'yaml' || block.lang === 'yml') {
      it('runs only commands the CLI accepts, or allowed ones', () => {
        const steps = yamlRunSteps(block.code);
        expect(steps.length).toBeGreaterThan(0);
        const problems = steps.flatMap((step) =>
          shellPipelines(step.script).flatMap((pipeline) =>
            shellPipelineProblems(pipeline).map(
              (problem) => `run: at line ${step.line}, ${problem}`,
            ),
          ),
        );
        expect(problems).toEqual([]);
      });
      return;
    }

    if (block.lang === 'json') {
      it('parses, and matches its contract when it names one', () => {
        const value: unknown = JSON.parse(block.code);
        const contract = markers['contract'];
        if (contract !== undefined) {
          expect(CONTRACTS.has(contract)).toBe(true);
          expect(listIssues(contract as ContractName, value)).toEqual([]);
        }
      });
      return;
    }

    if (block.lang === 'http') {
      it('shows an operation of the OpenAPI document', () => {
        const [method = '', path = ''] = (block.code.split('\n')[0] ?? '').split(' ');
        expect(openapiHasOperation(method, path)).toBe(true);
      });
      return;
    }

    if (markers['tested-by'] === undefined) {
      it('is covered: give it a language this test checks, or a tested-by or not-run marker', () => {
        throw new Error(`${blockLocation(block)}: no test covers this block`);
      });
    }
  },
);
