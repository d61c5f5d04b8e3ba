import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { findJsonSyntaxError } from './findJsonSyntaxError';

/** One JSON document read from a file or stream, or the reason it could not be parsed. */
export type JsonDocument =
  | { readonly line: number; readonly ok: true; readonly value: unknown }
  | { readonly line: number; readonly ok: false; readonly error: string };

/**
 * Reads JSON or NDJSON from a stream. If the first non-blank line is a JSON value on its own, the
 * input is NDJSON and is streamed line by line (constant memory); otherwise the whole input is one
 * JSON document, and a syntax error is reported with its line and column.
 */
export async function* readJsonDocuments(input: Readable): AsyncGenerator<JsonDocument> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let mode: 'unknown' | 'ndjson' | 'document' = 'unknown';
  let documentStart = 0;
  const buffered: string[] = [];
  for await (const raw of lines) {
    lineNumber++;
    const text = lineNumber === 1 ? stripByteOrderMark(raw) : raw;
    if (mode === 'document') {
      buffered.push(text);
      continue;
    }
    if (text.trim() === '') {
      if (mode === 'unknown') buffered.push(text);
      continue;
    }
    const parsed = parse(text);
    if (mode === 'ndjson') {
      yield parsed.ok
        ? { line: lineNumber, ok: true, value: parsed.value }
        : {
            line: lineNumber,
            ok: false,
            error: `not JSON at line ${lineNumber}, column ${parsed.offset + 1}: ${parsed.error}`,
          };
      continue;
    }
    if (parsed.ok) {
      mode = 'ndjson';
      buffered.length = 0;
      yield { line: lineNumber, ok: true, value: parsed.value };
    } else {
      mode = 'document';
      documentStart = lineNumber - buffered.length;
      buffered.push(text);
    }
  }
  if (mode !== 'document') return;
  const text = buffered.join('\n');
  const parsed = parse(text);
  const firstLine = documentStart + leadingBlankLines(buffered);
  if (parsed.ok) {
    yield { line: firstLine, ok: true, value: parsed.value };
    return;
  }
  const where = locate(text, parsed.offset);
  yield {
    line: documentStart + where.line - 1,
    ok: false,
    error: `not JSON at line ${documentStart + where.line - 1}, column ${where.column}: ${parsed.error}`,
  };
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

function leadingBlankLines(lines: readonly string[]): number {
  let count = 0;
  while (count < lines.length && (lines[count] ?? '').trim() === '') count++;
  return count;
}

function locate(text: string, end: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < end && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: end - lastBreak };
}
