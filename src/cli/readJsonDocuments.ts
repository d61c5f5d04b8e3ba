import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { findJsonSyntaxError } from './findJsonSyntaxError';
import { JsonSyntaxChecker, type JsonSyntaxError } from './JsonSyntaxChecker';

/** One JSON document read from a file or stream, or the reason it could not be parsed. */
export type JsonDocument =
  | { readonly line: number; readonly ok: true; readonly value: unknown }
  | { readonly line: number; readonly ok: false; readonly error: string };

/**
 * How `readJsonDocuments` reads an input: `json` as one document, `ndjson` as one document per
 * non-blank line, `auto` by what the input holds.
 */
export type JsonFormat = 'json' | 'ndjson' | 'auto';

/**
 * In `auto`, how many lines past the line where a document broke may be read to find a line that
 * is a JSON object on its own (which makes the input NDJSON with broken lines).
 */
const LOOKAHEAD_LINES = 100;

/**
 * Reads JSON or NDJSON from a stream; memory stays bounded by the longest document (or the longest
 * broken start of one). NDJSON is streamed line by line. With `auto`, the input is NDJSON if its
 * first non-blank line is a JSON value on its own, or if it stops being one JSON document and one of
 * the next lines is a JSON object on its own, unindented: every line is then a document, the broken
 * ones reported by line. Otherwise it is one JSON document, whose syntax error, if any, is reported
 * with its line and column.
 */
export async function* readJsonDocuments(
  input: Readable,
  format: JsonFormat = 'auto',
): AsyncGenerator<JsonDocument> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let state: 'start' | 'document' | 'broken' | 'ndjson' | 'done' =
    format === 'ndjson' ? 'ndjson' : 'start';
  const document = new DocumentText();
  let firstLine = 0;
  let broken: { readonly report: JsonDocument; readonly line: number } | undefined;
  let lookahead = 0;
  for await (const raw of lines) {
    lineNumber++;
    const text = lineNumber === 1 ? stripByteOrderMark(raw) : raw;
    const blank = text.trim() === '';
    if (state === 'done' || (state === 'ndjson' && blank)) continue;
    if (state === 'ndjson') {
      yield lineDocument(lineNumber, text);
      continue;
    }
    document.add(text);
    if (state === 'start' && !blank) {
      if (format === 'auto' && parse(text).ok) {
        state = 'ndjson';
        document.clear();
        yield lineDocument(lineNumber, text);
        continue;
      }
      state = 'document';
      firstLine = lineNumber;
    }
    if (state === 'document') {
      const error = document.error();
      if (error === undefined) continue;
      if (format === 'json') {
        yield error.report;
        state = 'done';
        document.clear();
        continue;
      }
      broken = error;
      state = 'broken';
    }
    // state === 'broken': look a little further for a sign that the input is NDJSON.
    if (broken === undefined || lineNumber <= broken.line) continue;
    if (!blank && isUnindentedObject(text)) {
      for (const [index, line] of document.lines().entries()) {
        if (line.trim() !== '') yield lineDocument(index + 1, line);
      }
      state = 'ndjson';
      document.clear();
      continue;
    }
    if (++lookahead >= LOOKAHEAD_LINES) {
      yield broken.report;
      state = 'done';
      document.clear();
    }
  }
  if (state === 'broken' && broken !== undefined) yield broken.report;
  if (state === 'document') yield document.end(firstLine);
}

/**
 * The lines of an input read as one JSON document, checked as they arrive: held until the document
 * is complete, or until it breaks and the reader decides what the input is.
 */
class DocumentText {
  #lines: string[] = [];
  #checker = new JsonSyntaxChecker();
  #lineStart = 0;
  #previousLineStart = 0;

  add(line: string): void {
    const breakBefore = this.#lines.length === 0 ? '' : '\n';
    this.#previousLineStart = this.#lineStart;
    this.#lineStart = this.#checker.length + breakBefore.length;
    this.#lines.push(line);
    this.#checker.write(breakBefore + line);
  }

  lines(): readonly string[] {
    return this.#lines;
  }

  clear(): void {
    this.#lines = [];
  }

  /** The syntax error found so far, as a report and the line it is on. */
  error(): { report: JsonDocument; line: number } | undefined {
    const error = this.#checker.error;
    return error === undefined ? undefined : this.#locate(error);
  }

  /** The document, or its syntax error, once the input has ended. */
  end(firstLine: number): JsonDocument {
    const error = this.#checker.end();
    if (error !== undefined) return this.#locate(error).report;
    const text = this.#lines.join('\n');
    this.#lines = [];
    const parsed = parse(text);
    return parsed.ok
      ? { line: firstLine, ok: true, value: parsed.value }
      : { line: firstLine, ok: false, error: `not JSON: ${parsed.error}` };
  }

  /** An error is on the line just added, or on the line break that ends the one before. */
  #locate(error: JsonSyntaxError): { report: JsonDocument; line: number } {
    const onLastLine = error.offset >= this.#lineStart;
    const line = this.#lines.length - (onLastLine ? 0 : 1);
    const column = error.offset - (onLastLine ? this.#lineStart : this.#previousLineStart) + 1;
    return {
      report: {
        line,
        ok: false,
        error: `not JSON at line ${line}, column ${column}: ${error.message}`,
      },
      line,
    };
  }
}

/** A line as an NDJSON document. */
function lineDocument(line: number, text: string): JsonDocument {
  const parsed = parse(text);
  return parsed.ok
    ? { line, ok: true, value: parsed.value }
    : {
        line,
        ok: false,
        error: `not JSON at line ${line}, column ${parsed.offset + 1}: ${parsed.error}`,
      };
}

/**
 * Whether a line is a JSON object starting in its first column, as NDJSON writers put them. A
 * pretty-printed document indents every object but the outermost, which spans several lines.
 */
function isUnindentedObject(text: string): boolean {
  return text.charCodeAt(0) === 0x7b /* { */ && parse(text).ok;
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string; offset: number };

function parse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // V8's message lacks a position for some errors and can quote the input across lines; the
    // report needs one line with a position, whatever the Node version.
    const found = findJsonSyntaxError(text);
    if (found !== undefined) return { ok: false, error: found.message, offset: found.offset };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.replace(/\s+/g, ' '), offset: text.length };
  }
}
