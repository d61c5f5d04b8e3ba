// docs/cli.md is the CLI reference: every verb has a section, every flag of a verb is listed in
// its section, and every flag the page lists exists. A new flag fails here until it is documented.
import type { Command } from 'commander';
import { readPage } from '../helpers/docBlocks';
import { dryProgram } from '../helpers/parseCliArgs';

const PAGE = 'docs/cli.md';
const HELP_FLAGS = new Set(['-h, --help']);

/** The text of one `## \`verb\`` section of a page, or undefined. */
function section(page: string, verb: string): string | undefined {
  const start = page.indexOf(`\n## \`${verb}\`\n`);
  if (start < 0) return undefined;
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end < 0 ? undefined : end);
}

/** The flags a section lists in its table: the first cell of each row, as written (`-p, --port <port>`). */
function listedFlags(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^\|\s*`-/.test(line))
    .map((line) => /^\|\s*`([^`]+)`/.exec(line)?.[1] ?? '');
}

/** The verb whose flags a section takes on as well ("It takes the flags of [`fuzz`]"), if any. */
function inheritedVerb(text: string): string | undefined {
  return /takes the flags of \[`([a-z]+)`\]/.exec(text)?.[1];
}

function documentedFlags(page: string, verb: string): string[] {
  const text = section(page, verb) ?? '';
  const inherited = inheritedVerb(text);
  return [
    ...listedFlags(text),
    ...(inherited === undefined ? [] : documentedFlags(page, inherited)),
  ];
}

const verbs: readonly Command[] = dryProgram().commands;

describe(PAGE, () => {
  const page = readPage(PAGE);

  it.each(verbs.map((verb) => [verb.name(), verb] as const))(
    'documents `%s`: a section with its exit codes, and every flag',
    (name, verb) => {
      const text = section(page, name);
      expect(text).toBeDefined();
      expect(text).toMatch(/Exit codes: 0 /);
      const documented = new Set(documentedFlags(page, name));
      const missing = verb.options
        .map((option) => option.flags)
        .filter((flags) => !HELP_FLAGS.has(flags) && !documented.has(flags));
      expect(missing).toEqual([]);
    },
  );

  it.each(verbs.map((verb) => [verb.name(), verb] as const))(
    'lists only flags that `%s` has',
    (name, verb) => {
      const real = new Set(verb.options.map((option) => option.flags));
      const unknown = listedFlags(section(page, name) ?? '').filter((flags) => !real.has(flags));
      expect(unknown).toEqual([]);
    },
  );

  it('has no section for a verb the CLI does not have', () => {
    const names = new Set(verbs.map((verb) => verb.name()));
    const sections = [...page.matchAll(/\n## `([a-z]+)`\n/g)].map((match) => match[1]);
    expect(sections.filter((name) => !names.has(name ?? ''))).toEqual([]);
  });

  it('finds a missing flag: a section without its table documents nothing', () => {
    expect(listedFlags('## `serve`\n\nNo table.\n')).toEqual([]);
    expect(documentedFlags('\n## `check`\n\nIt takes the flags of [`fuzz`].\n', 'check')).toEqual(
      [],
    );
  });
});

describe('README.md', () => {
  it('names every verb in its table of verbs', () => {
    const readme = readPage('README.md');
    expect(
      verbs.map((verb) => verb.name()).filter((name) => !readme.includes(`| \`${name}\``)),
    ).toEqual([]);
  });
});
