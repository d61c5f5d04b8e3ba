import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_TABLE_HEADER, rulesTableRows } from './rulesTable';

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

describe("the README's table of rules", () => {
  it('lists every rule of every check with its level and source, as the checks declare them', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(tableAfterHeader(readme, RULES_TABLE_HEADER)).toEqual(rulesTableRows());
  });
});
