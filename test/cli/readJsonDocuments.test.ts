import { Readable } from 'node:stream';
import fc from 'fast-check';
import { findJsonSyntaxError } from '../../src/cli/findJsonSyntaxError';
import { readJsonDocuments, type JsonDocument } from '../../src/cli/readJsonDocuments';

const VALID_LINE = JSON.stringify({ status: 'compliant', devicesCount: 3 });

/** A stream of `count` lines made on demand, counting how many have been read from it. */
function countedLines(count: number, line: (n: number) => string) {
  let pulled = 0;
  const stream = Readable.from(
    (function* () {
      for (let n = 1; n <= count; n++) {
        pulled++;
        yield `${line(n)}\n`;
      }
    })(),
  );
  return { stream, pulled: () => pulled };
}

async function readAll(text: string, format?: 'json' | 'ndjson' | 'auto'): Promise<JsonDocument[]> {
  const documents: JsonDocument[] = [];
  for await (const document of readJsonDocuments(Readable.from([text]), format)) {
    documents.push(document);
  }
  return documents;
}

/**
 * Where the whole text stops being JSON, as "line L, column C: message". A final line break ends
 * the last line rather than starting a new one, so an error at the end is placed on the last line.
 */
function wholeTextError(input: string): string | undefined {
  const text = input.endsWith('\n') ? input.slice(0, -1) : input;
  const error = findJsonSyntaxError(text);
  if (error === undefined) return undefined;
  const before = text.slice(0, error.offset);
  const line = before.split('\n').length;
  const column = error.offset - before.lastIndexOf('\n');
  return `not JSON at line ${line}, column ${column}: ${error.message}`;
}

describe('readJsonDocuments', () => {
  it('decides that input with a broken first line is NDJSON after a few lines, not at its end', async () => {
    const { stream, pulled } = countedLines(200_000, (n) => (n === 1 ? '{"a": nope}' : VALID_LINE));
    const documents = readJsonDocuments(stream);
    const first = await documents.next();
    const second = await documents.next();
    expect(first.value).toMatchObject({ line: 1, ok: false });
    expect(second.value).toMatchObject({ line: 2, ok: true });
    // readline reads ahead a little; the input is 200,000 lines.
    expect(pulled()).toBeLessThan(10_000);
    await documents.return(undefined);
  });

  it('stops holding a document in memory once it cannot be JSON', async () => {
    // No line of this input is a JSON object on its own, so it is one broken document: its error
    // comes as soon as the reader has looked a little past the line where it broke.
    const { stream, pulled } = countedLines(200_000, (n) => (n === 1 ? '{' : '"x": 1'));
    const documents = readJsonDocuments(stream);
    const first = await documents.next();
    expect(first.value).toEqual({
      line: 3,
      ok: false,
      error: `not JSON at line 3, column 1: expected ',' or '}' after a property value, found "\\""`,
    });
    expect(pulled()).toBeLessThan(10_000);
    expect((await documents.next()).done).toBe(true);
  });

  it('reads a pretty-printed document, broken or not, exactly as if it were checked whole', async () => {
    const pretty = fc
      .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', ',', '}', '"', '\n', 'x'))
      .map(([json, at, insert]) => {
        const text = JSON.stringify(JSON.parse(json), null, 2);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i);
      });
    await fc.assert(
      fc.asyncProperty(pretty, async (text) => {
        const documents = await readAll(text, 'json');
        const error = wholeTextError(text);
        if (text.trim() === '') return documents.length === 0;
        if (documents.length !== 1) return false;
        const [document] = documents;
        return error === undefined
          ? document?.ok === true
          : document?.ok === false && document.error === error;
      }),
      { numRuns: 1_000 },
    );
  });

  it('reads every non-blank line as a document with format ndjson', async () => {
    const documents = await readAll(`{\n\n${VALID_LINE}\n}\n`, 'ndjson');
    expect(documents.map((d) => [d.line, d.ok])).toEqual([
      [1, false],
      [3, true],
      [4, false],
    ]);
  });

  it('names a string left open at the end of a line by the line break that ends it', async () => {
    expect(await readAll('{"a": "abc\n}\n', 'json')).toEqual([
      {
        line: 1,
        ok: false,
        error:
          'not JSON at line 1, column 11: expected no control character inside a string (escape it), found "\\n"',
      },
    ]);
    expect(await readAll('{"a": "abc', 'json')).toEqual([
      {
        line: 1,
        ok: false,
        error: `not JSON at line 1, column 11: expected '"' to close the string, found the end of the input`,
      },
    ]);
  });
});
