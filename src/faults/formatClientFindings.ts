import type { ClientFinding } from './ClientFinding';

/**
 * The findings as a list, one `- rule: message` line each, its later lines indented under it;
 * `indent` goes before every item.
 */
export function formatClientFindings(findings: readonly ClientFinding[], indent: string): string {
  return findings
    .map(
      (finding) => `${indent}- ${finding.rule}: ${finding.message.replace(/\n/g, `\n${indent}  `)}`,
    )
    .join('\n');
}
