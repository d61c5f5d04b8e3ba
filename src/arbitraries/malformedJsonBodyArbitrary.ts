import fc from 'fast-check';
import { SAMPLE_CREATE_REQUEST } from '../contracts/sampleCreateRequest';
import { createUserStatusRequestArbitrary } from './createUserStatusRequestArbitrary';
import type { MalformedJsonBody, MalformedJsonLabel } from './MalformedJsonBody';

/** Options of `malformedJsonBodyArbitrary` and `malformedJsonBodyExamples`. */
export interface MalformedJsonBodyArbitraryOptions {
  /**
   * Whether the two large bodies (arrays nested 100,000 deep, a 5 MB string) are produced. They are
   * rare in the arbitrary (weight 1 in about 100) and always among the examples.
   * @defaultValue `true`
   */
  readonly huge?: boolean;
}

/** How deep the nested-arrays body goes. */
export const DEEP_NESTING_DEPTH = 100_000;

/** How many characters the huge string holds (5 MiB of ASCII). */
export const HUGE_STRING_LENGTH = 5 * 1024 * 1024;

const VALID_TEXT = JSON.stringify(SAMPLE_CREATE_REQUEST);

type Make = (text: string, extra: number) => string;

/** One kind of damage: how to apply it to a valid body's text, and what it means. */
interface Damage {
  readonly label: MalformedJsonLabel;
  readonly description: string;
  readonly parsesAsJson: boolean;
  readonly make: Make;
  /** Relative frequency in the arbitrary. */
  readonly weight: number;
}

/** One of several variants of a damage, chosen by the drawn number. */
function pick(variants: readonly string[], extra: number): string {
  return variants[extra % variants.length] ?? '';
}

function afterBrace(text: string, insert: string): string {
  return `{${insert}${text.slice(1)}`;
}

/**
 * A valid body's text with one property's value replaced by raw JSON text (added if absent), so
 * that the damage is the only thing wrong: not hidden behind a duplicate key.
 */
function withRawValue(text: string, name: string, raw: string): string {
  const body = JSON.parse(text) as Record<string, unknown>;
  // JSON.stringify escapes U+0000, so the placeholder's quoted form cannot occur in the body.
  const placeholder = '\u0000raw\u0000';
  body[name] = placeholder;
  return JSON.stringify(body).replace(JSON.stringify(placeholder), () => raw);
}

const DAMAGES: readonly Damage[] = [
  {
    label: 'truncated',
    description: 'a valid body cut short',
    parsesAsJson: false,
    weight: 10,
    // Any proper, non-empty prefix of an object's text lacks its closing brace.
    make: (text, extra) => text.slice(0, 1 + (extra % (text.length - 1))),
  },
  {
    label: 'trailingComma',
    description: 'a comma after the last property',
    parsesAsJson: false,
    weight: 6,
    make: (text) => `${text.slice(0, -1)},}`,
  },
  {
    label: 'byteOrderMark',
    description: 'a UTF-8 byte-order mark (U+FEFF) before the body',
    parsesAsJson: false,
    weight: 5,
    make: (text) => `\uFEFF${text}`,
  },
  {
    label: 'singleQuotes',
    description: 'single quotes instead of double quotes',
    parsesAsJson: false,
    weight: 5,
    make: (text) => text.replace(/"/g, "'"),
  },
  {
    label: 'unquotedKey',
    description: 'a property name without quotes',
    parsesAsJson: false,
    weight: 5,
    make: (text) => afterBrace(text, 'devicesCount:1,'),
  },
  {
    label: 'comment',
    description: 'a JavaScript comment',
    parsesAsJson: false,
    weight: 4,
    make: (text, extra) => (extra % 2 === 0 ? `/* note */${text}` : `${text}// note`),
  },
  {
    label: 'nonJsonNumber',
    description: 'a number JSON cannot write (NaN, Infinity, hex, leading zero or plus sign)',
    parsesAsJson: false,
    weight: 6,
    make: (text, extra) =>
      afterBrace(
        text,
        `"devicesCount":${pick(['NaN', 'Infinity', '-Infinity', '0x10', '01', '+1', '.5'], extra)},`,
      ),
  },
  {
    label: 'invalidEscape',
    description: 'a string escape JSON does not have (\\x41, \\u12, \\a)',
    parsesAsJson: false,
    weight: 4,
    make: (text, extra) =>
      afterBrace(text, `"userDisplayName":"${pick(['\\x41', '\\u12', '\\a', '\\'], extra)}",`),
  },
  {
    label: 'rawControlCharacter',
    description: 'an unescaped control character inside a string',
    parsesAsJson: false,
    weight: 4,
    make: (text, extra) =>
      afterBrace(text, `"userDisplayName":"a${String.fromCharCode(extra % 32)}b",`),
  },
  {
    label: 'trailingGarbage',
    description: 'more text after the body (a second body, a stray character)',
    parsesAsJson: false,
    weight: 5,
    make: (text, extra) => `${text}${pick([text, 'x', ']', '}', ',', '\u0000'], extra)}`,
  },
  {
    label: 'empty',
    description: 'no body, or only whitespace',
    parsesAsJson: false,
    weight: 3,
    make: (_text, extra) => pick(['', ' ', '\r\n', '\t'], extra),
  },
  {
    label: 'notJson',
    description: 'another format (form-encoded, XML, YAML, a bare word)',
    parsesAsJson: false,
    weight: 4,
    make: (_text, extra) =>
      pick(
        [
          'userDisplayName=Adele%20Vance&devicesCount=1&status=compliant',
          '<userStatus><status>compliant</status></userStatus>',
          'status: compliant\ndevicesCount: 1',
          'compliant',
          'undefined',
        ],
        extra,
      ),
  },
  {
    label: 'duplicateKeys',
    description: 'a property twice with different values (JSON.parse keeps the last one)',
    parsesAsJson: true,
    weight: 6,
    make: (text, extra) =>
      afterBrace(text, `"status":"${pick(['nonCompliant', 'Bogus', 'error'], extra)}",`),
  },
  {
    label: 'protoKey',
    description: 'a "__proto__" or "constructor" property, for prototype pollution',
    parsesAsJson: true,
    weight: 5,
    make: (text, extra) =>
      afterBrace(
        text,
        pick(
          [
            '"__proto__":{"isAdmin":true},',
            '"constructor":{"prototype":{"isAdmin":true}},',
            '"__proto__":null,',
          ],
          extra,
        ),
      ),
  },
  {
    label: 'loneSurrogate',
    description: 'a string escape that is half of a surrogate pair (not a Unicode character)',
    parsesAsJson: true,
    weight: 4,
    make: (text, extra) =>
      withRawValue(
        text,
        'userDisplayName',
        `"${pick(['\\ud800', '\\udfff', 'a\\ud83d', '\\ude00b'], extra)}"`,
      ),
  },
  {
    label: 'hugeNumber',
    description: 'a devicesCount beyond double precision (1e400 parses as Infinity) or beyond 2^53',
    parsesAsJson: true,
    weight: 4,
    make: (text, extra) =>
      withRawValue(
        text,
        'devicesCount',
        pick(['1e400', '-1e400', '123456789012345678901234567890', '9007199254740993'], extra),
      ),
  },
];

const DEEP_NESTING: Omit<Damage, 'make' | 'weight'> = {
  label: 'deepNesting',
  description: `arrays nested ${DEEP_NESTING_DEPTH} deep (a stack-overflow attempt)`,
  parsesAsJson: true,
};

const HUGE_STRING: Omit<Damage, 'make' | 'weight'> = {
  label: 'hugeString',
  description: `a valid body whose userDisplayName holds ${HUGE_STRING_LENGTH} characters (5 MiB)`,
  parsesAsJson: true,
};

let deepNestingText: string | undefined;
let hugeStringText: string | undefined;

// Built once, on first use, and shared: strings are immutable, and rebuilding 5 MB per value
// would dominate every run.
function deepNesting(): MalformedJsonBody {
  deepNestingText ??= `${'['.repeat(DEEP_NESTING_DEPTH)}${']'.repeat(DEEP_NESTING_DEPTH)}`;
  return { ...DEEP_NESTING, text: deepNestingText };
}

function hugeString(): MalformedJsonBody {
  const { userDisplayName: _replaced, ...rest } = SAMPLE_CREATE_REQUEST;
  hugeStringText ??= afterBrace(
    JSON.stringify(rest),
    `"userDisplayName":"${'a'.repeat(HUGE_STRING_LENGTH)}",`,
  );
  return { ...HUGE_STRING, text: hugeStringText };
}

/**
 * Raw request bodies that are not valid JSON (truncated, trailing comma, byte-order mark, single
 * quotes, comments, NaN, bad escapes, control characters, trailing garbage, empty, another format)
 * or are hostile JSON (duplicate keys, `__proto__`, lone surrogates, 1e400, arrays nested 100,000
 * deep, a 5 MB string), each labelled. Most are a valid create body damaged in one place.
 * @example
 * fc.assert(fc.asyncProperty(malformedJsonBodyArbitrary(), async ({ text }) => ...), {
 *   examples: asPropertyExamples(malformedJsonBodyExamples()),
 * });
 */
export function malformedJsonBodyArbitrary(
  options: MalformedJsonBodyArbitraryOptions = {},
): fc.Arbitrary<MalformedJsonBody> {
  const validText = createUserStatusRequestArbitrary().map((body) => JSON.stringify(body));
  const damaged = DAMAGES.map(({ make, weight, ...labels }) => ({
    weight,
    arbitrary: fc
      .tuple(validText, fc.nat())
      .map(([text, extra]): MalformedJsonBody => ({ ...labels, text: make(text, extra) })),
  }));
  if (options.huge === false) return fc.oneof(...damaged);
  return fc.oneof(
    ...damaged,
    { weight: 1, arbitrary: fc.constant(null).map(deepNesting) },
    { weight: 1, arbitrary: fc.constant(null).map(hugeString) },
  );
}

/**
 * The canonical malformed bodies: every variant of every label on a realistic body, plus the two
 * large ones (unless `huge: false`).
 */
export function malformedJsonBodyExamples(
  options: MalformedJsonBodyArbitraryOptions = {},
): MalformedJsonBody[] {
  const examples: MalformedJsonBody[] = [];
  for (const { make, weight: _weight, ...labels } of DAMAGES) {
    const seen = new Set<string>();
    for (let extra = 0; extra < 8; extra++) {
      const text = make(VALID_TEXT, extra === 0 ? VALID_TEXT.length - 2 : extra);
      if (seen.has(text)) continue;
      seen.add(text);
      examples.push({ ...labels, text });
    }
  }
  if (options.huge !== false) examples.push(deepNesting(), hugeString());
  return examples;
}
