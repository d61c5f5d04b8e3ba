import type { FuzzFinding } from '../FuzzReport';

const MAX_BODY = 600;

/** Options of `formatFinding`. */
export interface FormatFindingOptions {
  /** The failures file the finding was saved to: the replay line names it. */
  readonly failuresFile?: string;
}

/** A finding's first line: level, check, message. */
export function findingHeadline(finding: FuzzFinding): string {
  return `${finding.level === 'failure' ? 'FAILURE' : 'warning'} ${finding.check}: ${finding.message}`;
}

/** Where the broken rule comes from, in words (`the contract: …`, `RFC 9110 §15.5.6`). */
export function describeSource(finding: Pick<FuzzFinding, 'rule' | 'source'>): string {
  const from = {
    contract: 'the contract',
    standard: 'a standard',
    advice: "the toolkit's advice",
    option: 'your option',
  }[finding.source.kind];
  return `${finding.rule}, from ${from}: ${finding.source.ref}`;
}

/**
 * A finding as text: level, check and message, the rule and its source, the minimal request and
 * response, how many cases showed it, and the one handle that reproduces it.
 */
export function formatFinding(
  finding: FuzzFinding,
  index: number,
  options: FormatFindingOptions = {},
): string {
  const { request, response } = finding;
  const lines = [
    `${index}. ${findingHeadline(finding)}`,
    `   rule:     ${describeSource(finding)}`,
  ];
  if (finding.pointer !== '' || finding.keyword !== undefined) {
    lines.push(
      `   at:       ${[finding.pointer || '(root)', finding.keyword].filter(Boolean).join(' ')}`,
    );
  }
  lines.push(`   request:  ${request.method} ${request.path}`);
  if (request.body !== undefined) lines.push(`             ${clip(request.body)}`);
  if (response.status !== undefined) {
    lines.push(`   response: ${response.status} (${Math.round(response.durationMs)} ms)`);
    if (response.body) lines.push(`             ${clip(response.body)}`);
  } else {
    lines.push(`   response: none: ${response.failure ?? 'no answer'}`);
  }
  lines.push(
    `   seen in ${finding.hits} generated case(s); minimal case after ${finding.shrinks} shrink(s)`,
  );
  lines.push(`   reproduce: ${finding.curl}`);
  lines.push(
    options.failuresFile === undefined
      ? `   finding:   ${finding.id}`
      : `   replay:    user-status-contracts fuzz --replay ${options.failuresFile} --finding ${finding.id} --token "$TOKEN"`,
  );
  return lines.join('\n');
}

// Characters a terminal does not show (controls, bidi and zero-width marks, BOM): printed as
// \u escapes so that "" and "\u200f\u200e" do not look alike.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function clip(text: string): string {
  const oneLine = text
    .replace(/\s*\n\s*/g, ' ')
    .replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return oneLine.length > MAX_BODY
    ? `${oneLine.slice(0, MAX_BODY)}... (${text.length} characters)`
    : oneLine;
}
