import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  RULES_TABLE_HEADER,
  RULE_SOURCES_HEADER,
  ruleSourcesRows,
  rulesTableRows,
} from './rulesTable';

/** The rows of the first Markdown table in `text` whose header is `header`, as trimmed cells. */
function tableAfterHeader(text: string, header: readonly string[]): string[][] {
  const lines = text.split('\n');
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, '|'));
  const start = lines.findIndex(
    (line) => line.trim().startsWith('|') && cells(line).join('\t') === header.join('\t'),
  );
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    rows.push(cells(line));
  }
  return rows;
}

describe('the tables of rules in docs/fuzzing.md', () => {
  const page = readFileSync(join(__dirname, '..', '..', 'docs', 'fuzzing.md'), 'utf8');

  it('list every rule of every check with its level, as the checks declare them', () => {
    expect(tableAfterHeader(page, RULES_TABLE_HEADER)).toEqual(rulesTableRows());
  });

  it('give the source of every rule, as the checks declare them', () => {
    expect(tableAfterHeader(page, RULE_SOURCES_HEADER)).toEqual(ruleSourcesRows());
  });

  it('find nothing in a page without them', () => {
    expect(tableAfterHeader('# Fuzzing\n\nNo tables.\n', RULES_TABLE_HEADER)).toEqual([]);
  });
});
