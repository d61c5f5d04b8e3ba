import { appendToPointer } from '../../validator/jsonPointer';

// A surrogate code unit can only reach a parsed value through a `\uD800`-`\uDFFF` escape: strict
// UTF-8 cannot encode one. Bodies without such an escape skip the walk.
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** One container being walked: its member names (or, for an array, its length) and where it is. */
interface Frame {
  readonly container: Record<string, unknown> | readonly unknown[];
  readonly keys: readonly string[] | undefined;
  readonly length: number;
  next: number;
}

/**
 * The JSON pointer of the first string (value or property name) in a parsed body that holds half
 * of a surrogate pair, which is not a Unicode character; `undefined` when there is none. The walk
 * keeps its own stack, so nesting as deep as `JSON.parse` accepts cannot overflow the call stack,
 * and it builds the pointer only for the string it reports.
 */
export function findLoneSurrogate(text: string, value: unknown): string | undefined {
  if (!SURROGATE_ESCAPE.test(text)) return undefined;
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? '' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: Frame[] = [frameOf(value)];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next >= frame.length) {
      stack.pop();
      continue;
    }
    const at = frame.next++;
    const key = frame.keys === undefined ? undefined : (frame.keys[at] as string);
    if (key !== undefined && LONE_SURROGATE.test(key)) return pointerOf(stack);
    const item =
      key === undefined
        ? (frame.container as readonly unknown[])[at]
        : (frame.container as Record<string, unknown>)[key];
    if (typeof item === 'string') {
      if (LONE_SURROGATE.test(item)) return pointerOf(stack);
    } else if (typeof item === 'object' && item !== null) {
      stack.push(frameOf(item));
    }
  }
  return undefined;
}

function frameOf(container: object): Frame {
  if (Array.isArray(container)) {
    return { container, keys: undefined, length: container.length, next: 0 };
  }
  const keys = Object.keys(container);
  return { container: container as Record<string, unknown>, keys, length: keys.length, next: 0 };
}

/** The pointer of the member each frame is at (the one last taken: `next - 1`). */
function pointerOf(stack: readonly Frame[]): string {
  let pointer = '';
  for (const frame of stack) {
    const at = frame.next - 1;
    pointer = appendToPointer(
      pointer,
      frame.keys === undefined ? String(at) : (frame.keys[at] as string),
    );
  }
  return pointer;
}
