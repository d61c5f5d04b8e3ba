import { JsonSyntaxChecker, type JsonSyntaxError } from './JsonSyntaxChecker';

/**
 * Finds the first syntax error of a text that `JSON.parse` refused. V8's own messages give no
 * position for some errors (`Unexpected token`) and quote the input across lines, so a report needs
 * its own. Iterative, so any nesting depth is fine; returns `undefined` if the text is JSON.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const checker = new JsonSyntaxChecker();
  return checker.write(text) ?? checker.end();
}
