/** One pipeline of a shell snippet: its commands as words, the comment after it, where it starts. */
export interface ShellPipeline {
  /** Each command of the pipeline (`a | b`), as its words after quote removal and expansion. */
  readonly commands: readonly (readonly string[])[];
  /** Which words were unquoted and hold a `*` (globs), per command, by index. */
  readonly globs: readonly (readonly number[])[];
  /** The `# comment` on the pipeline's last line, without the `#`, or `''`. */
  readonly comment: string;
  /** The 1-based line of the snippet the pipeline starts on. */
  readonly line: number;
  /** Whether it ends with `&` (runs in the background). */
  readonly background: boolean;
}

/**
 * Splits a shell snippet into pipelines, the way sh reads it for the few constructs documentation
 * uses: quotes, `\` line continuations, `#` comments, `$VAR` and `${VAR}` expansion (from `env`,
 * else left as `$VAR`), `|`, `&&`, `||`, `;` and `&`. `export A=b` lines add to `env` for the lines
 * after them. Not a shell: no subshells, redirections or here-documents.
 */
export function shellPipelines(
  snippet: string,
  env: Readonly<Record<string, string>> = {},
): ShellPipeline[] {
  const variables: Record<string, string> = { ...env };
  const pipelines: ShellPipeline[] = [];
  let commands: string[][] = [];
  let globs: number[][] = [];
  let words: string[] = [];
  let wordGlobs: number[] = [];
  let word: string | undefined;
  let wordIsGlob = false;
  let comment = '';
  let line = 1;
  let startLine = 1;

  const endWord = (): void => {
    if (word === undefined) return;
    if (wordIsGlob) wordGlobs.push(words.length);
    words.push(word);
    word = undefined;
    wordIsGlob = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) {
      commands.push(words);
      globs.push(wordGlobs);
    }
    words = [];
    wordGlobs = [];
  };
  const endPipeline = (background: boolean): void => {
    endCommand();
    if (commands.length > 0) {
      pipelines.push({ commands, globs, comment, line: startLine, background });
      const [first] = commands;
      if (first?.[0] === 'export') {
        for (const assignment of first.slice(1)) {
          const equals = assignment.indexOf('=');
          if (equals > 0) variables[assignment.slice(0, equals)] = assignment.slice(equals + 1);
        }
      }
    }
    commands = [];
    globs = [];
    comment = '';
    startLine = line;
  };
  const expand = (text: string, at: number): { value: string; next: number } => {
    const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(text.slice(at));
    const bare = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(at));
    const match = braced ?? bare;
    if (match === null) return { value: '$', next: at + 1 };
    const name = match[1] ?? '';
    return { value: variables[name] ?? match[0], next: at + match[0].length };
  };

  const text = snippet;
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '\\' && text[index + 1] === '\n') {
      index += 2;
      line++;
      continue;
    }
    if (char === '\n') {
      line++;
      endPipeline(false);
      startLine = line;
      index++;
      continue;
    }
    if (char === ' ' || char === '\t') {
      endWord();
      index++;
      continue;
    }
    if (char === '#' && word === undefined) {
      const end = text.indexOf('\n', index);
      comment = text.slice(index + 1, end < 0 ? undefined : end).trim();
      index = end < 0 ? text.length : end;
      continue;
    }
    if (char === ';' || char === '&' || char === '|') {
      const double = text[index + 1] === char;
      if (char === '|' && !double) endCommand();
      else endPipeline(char === '&' && !double);
      index += double ? 2 : 1;
      continue;
    }
    if (char === "'") {
      const end = text.indexOf("'", index + 1);
      if (end < 0) throw new Error(`line ${line}: unterminated single quote`);
      word = (word ?? '') + text.slice(index + 1, end);
      index = end + 1;
      continue;
    }
    if (char === '"') {
      let value = '';
      index++;
      while (index < text.length && text[index] !== '"') {
        if (text[index] === '\\' && /["\\$`]/.test(text[index + 1] ?? '')) {
          value += text[index + 1];
          index += 2;
        } else if (text[index] === '$') {
          const expanded = expand(text, index);
          value += expanded.value;
          index = expanded.next;
        } else {
          value += text[index];
          index++;
        }
      }
      if (index >= text.length) throw new Error(`line ${line}: unterminated double quote`);
      word = (word ?? '') + value;
      index++;
      continue;
    }
    if (char === '$') {
      const expanded = expand(text, index);
      word = (word ?? '') + expanded.value;
      index = expanded.next;
      continue;
    }
    if (char === '*') wordIsGlob = true;
    word = (word ?? '') + char;
    index++;
  }
  endPipeline(false);
  return pipelines;
}

/**
 * The `run:` steps of a GitHub Actions workflow (or any YAML), as shell snippets: plain values,
 * and `>` (folded into one line) or `|` (kept line by line) block scalars.
 */
export function yamlRunSteps(yaml: string): { readonly line: number; readonly script: string }[] {
  const lines = yaml.split('\n');
  const steps: { line: number; script: string }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const match = /^(\s*)(- )?run:\s*(.*)$/.exec(lines[index] ?? '');
    if (match === null) continue;
    const keyColumn = (match[1] ?? '').length + (match[2] ?? '').length;
    const value = (match[3] ?? '').trim();
    if (!/^[>|][-+]?$/.test(value)) {
      steps.push({ line: index + 1, script: value });
      continue;
    }
    const body: string[] = [];
    let next = index + 1;
    for (; next < lines.length; next++) {
      const text = lines[next] ?? '';
      if (text.trim() !== '' && text.length - text.trimStart().length <= keyColumn) break;
      body.push(text.trim());
    }
    const script = value.startsWith('>') ? body.join(' ').trim() : body.join('\n').trim();
    steps.push({ line: index + 1, script });
    index = next - 1;
  }
  return steps;
}
