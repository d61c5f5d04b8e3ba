import { join } from 'node:path';
import ts from 'typescript';
import { REPOSITORY_ROOT } from './docBlocks';

/** A TypeScript snippet to type-check: a name for messages, its declarations, and its code. */
export interface Snippet {
  readonly name: string;
  /** Declarations the snippet assumes (free variables), written above it. */
  readonly context: string;
  readonly code: string;
}

/**
 * Type-checks snippets as modules of this repository, with `tsconfig.json`'s options and paths
 * (the package's name points at `src/`), top-level `await` allowed and unused names tolerated.
 * Resolves to the diagnostics of each snippet, by name (an empty list when it compiles).
 */
export function typeCheckSnippets(snippets: readonly Snippet[]): Map<string, string[]> {
  const configPath = join(REPOSITORY_ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, REPOSITORY_ROOT);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    module: ts.ModuleKind.ES2022,
    noUnusedLocals: false,
    noUnusedParameters: false,
  };
  const files = new Map<string, { snippet: Snippet; text: string; offset: number }>();
  snippets.forEach((snippet, index) => {
    const path = join(REPOSITORY_ROOT, '.doc-snippets', `snippet${index}.ts`);
    const prefix = snippet.context === '' ? '' : `${snippet.context}\n`;
    files.set(path, {
      snippet,
      text: `${prefix}${snippet.code}\nexport {};\n`,
      offset: prefix === '' ? 0 : prefix.split('\n').length - 1,
    });
  });
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (path) => files.has(path) || fileExists.call(host, path);
  host.readFile = (path) => files.get(path)?.text ?? readFile.call(host, path);
  host.getSourceFile = (path, languageVersion, onError, shouldCreate) => {
    const file = files.get(path);
    return file === undefined
      ? getSourceFile.call(host, path, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(path, file.text, languageVersion, true);
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  const results = new Map<string, string[]>();
  for (const [path, file] of files) {
    const source = program.getSourceFile(path);
    const diagnostics = source === undefined ? [] : ts.getPreEmitDiagnostics(program, source);
    results.set(
      file.snippet.name,
      diagnostics.map((diagnostic) => {
        const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        if (diagnostic.start === undefined || diagnostic.file === undefined) return message;
        const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
        const where = line < file.offset ? 'in its ts-context' : `line ${line - file.offset + 1}`;
        return `${where}: ${message}`;
      }),
    );
  }
  return results;
}
