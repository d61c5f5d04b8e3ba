import { ALL_CHECKS } from '../../src/fuzz/checks/index';

/** The README's table of check × rule × level × source, as rows of cells, from the checks themselves. */
export function rulesTableRows(): string[][] {
  return ALL_CHECKS.flatMap((check) =>
    check.rules.map((rule) => [
      `\`${check.name}\``,
      `\`${rule.id}\``,
      rule.level,
      `${rule.source.kind}: ${rule.source.ref}`,
      rule.demands,
    ]),
  );
}

/** The header of that table. */
export const RULES_TABLE_HEADER = ['check', 'rule', 'level', 'source', 'demands'];
