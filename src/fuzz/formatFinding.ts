import type { FuzzFinding } from './FuzzReport';

const MAX_BODY = 600;

/** A finding as text: the check, the message, the minimal request and response, the seed and a curl line. */
export function formatFinding(finding: FuzzFinding, index: number): string {
  const { request, response } = finding;
  const lines = [
    `${index}. ${finding.check}: ${finding.message}`,
    `   request:  ${request.method} ${request.path}`,
  ];
  if (request.body !== undefined) lines.push(`             ${clip(request.body)}`);
  if (response.status !== undefined) {
    lines.push(`   response: ${response.status} (${Math.round(response.durationMs)} ms)`);
    if (response.body) lines.push(`             ${clip(response.body)}`);
  } else {
    lines.push(`   response: none: ${response.failure ?? 'no answer'}`);
  }
  lines.push(
    `   seed ${finding.seed}, path ${JSON.stringify(finding.path)}, shrunk ${finding.shrinks} time(s)`,
  );
  lines.push(`   reproduce: ${finding.curl}`);
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
