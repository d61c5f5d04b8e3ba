import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The repository root. */
export const REPOSITORY_ROOT = join(__dirname, '..', '..');

/** One fenced code block of a Markdown page, with the marker comments written right above it. */
export interface DocBlock {
  /** The page, relative to the repository root, with `/` separators (e.g. `docs/fuzzing.md`). */
  readonly file: string;
  /** The 1-based line of the opening fence. */
  readonly line: number;
  /** The first word of the fence's info string (`ts`, `sh`, ...), or `''`. */
  readonly lang: string;
  /** The block's text, without the fences and the fence's indentation. */
  readonly code: string;
  /** `<!-- key: value -->` comments (one line or more) just above the fence, blank lines skipped. */
  readonly markers: Readonly<Record<string, string>>;
}

/** The documentation pages: README.md, then every `.md` file under docs/, in path order. */
export function docPages(): string[] {
  const pages: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(REPOSITORY_ROOT, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) pages.push(path);
    }
  };
  walk('docs');
  return ['README.md', ...pages.sort()];
}

/** The text of a page, by its path relative to the repository root. */
export function readPage(file: string): string {
  return readFileSync(join(REPOSITORY_ROOT, file), 'utf8');
}

const MARKER = /^<!--\s*([a-z-]+):\s*([\s\S]*?)\s*-->$/;

/** Every fenced code block of a page, or of every page (`docPages()`) when none is named. */
export function docBlocks(file?: string): DocBlock[] {
  if (file === undefined) return docPages().flatMap((page) => docBlocks(page));
  const lines = readPage(file).split('\n');
  const blocks: DocBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[index] ?? '');
    if (open === null) continue;
    const [, indent = '', fence = '```', lang = ''] = open;
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !(lines[end] ?? '').trim().startsWith(fence)) {
      const text = lines[end] ?? '';
      body.push(text.startsWith(indent) ? text.slice(indent.length) : text.trimStart());
      end++;
    }
    blocks.push({
      file,
      line: index + 1,
      lang,
      code: body.join('\n'),
      markers: markersAbove(lines, index),
    });
    index = end;
  }
  return blocks;
}

function markersAbove(lines: readonly string[], fenceIndex: number): Record<string, string> {
  const markers: Record<string, string> = {};
  let index = fenceIndex - 1;
  while (index >= 0) {
    if ((lines[index] ?? '').trim() === '') {
      index--;
      continue;
    }
    if (!(lines[index] ?? '').trim().endsWith('-->')) break;
    // A comment may span lines: gather them up to its opening `<!--`.
    let start = index;
    while (start > 0 && !(lines[start] ?? '').trim().startsWith('<!--')) start--;
    const marker = MARKER.exec(
      lines
        .slice(start, index + 1)
        .map((text) => text.trim())
        .join(' '),
    );
    if (marker === null) break;
    markers[marker[1] ?? ''] = marker[2] ?? '';
    index = start - 1;
  }
  return markers;
}

/** The blocks of one page in one language, in page order. */
export function docBlocksOf(file: string, lang: string): DocBlock[] {
  return docBlocks(file).filter((block) => block.lang === lang);
}

/**
 * The code a test file holds between `// --- recipe ---` and `// --- end of recipe ---`, trimmed:
 * the part of the file a page shows word for word (`undefined` without the markers).
 */
export function recipeOf(testFile: string): string | undefined {
  return readFileSync(testFile, 'utf8')
    .split('// --- recipe ---\n')[1]
    ?.split('// --- end of recipe ---')[0]
    ?.trim();
}

/**
 * A TypeScript block without its leading import statements: what a test in this repository can
 * hold verbatim, its own imports differing (source paths instead of the package's name).
 */
export function withoutImports(code: string): string {
  const lines = code.split('\n');
  let index = 0;
  let inImport = false;
  for (; index < lines.length; index++) {
    const text = lines[index] ?? '';
    if (inImport) {
      if (/from\s+['"][^'"]+['"];?\s*$/.test(text)) inImport = false;
      continue;
    }
    if (/^import\s/.test(text)) {
      inImport = !/(from\s+)?['"][^'"]+['"];?\s*$/.test(text);
      continue;
    }
    if (text.trim() !== '') break;
  }
  return lines.slice(index).join('\n').trim();
}

/** Where a block is, for messages: `docs/fuzzing.md:42 (sh)`. */
export function blockLocation(block: DocBlock): string {
  return `${block.file}:${block.line} (${block.lang || 'no language'})`;
}

/** A path relative to the repository root, with `/` separators. */
export function repositoryPath(absolute: string): string {
  return relative(REPOSITORY_ROOT, absolute).split(sep).join('/');
}
