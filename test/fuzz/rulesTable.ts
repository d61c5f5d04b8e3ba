import { ALL_CHECKS } from '../../src/fuzz/checks/index';

/**
 * The rules table of docs/fuzzing.md (check × rule × level × demands), as rows of cells, from the
 * checks themselves.
 */
export function rulesTableRows(): string[][] {
  return ALL_CHECKS.flatMap((check) =>
    check.rules.map((rule) => [`\`${check.name}\``, `\`${rule.id}\``, rule.level, rule.demands]),
  );
}

/** The header of that table. */
export const RULES_TABLE_HEADER = ['check', 'rule', 'level', 'demands'];

/**
 * The sources table of docs/fuzzing.md (rule × source), one row per rule id in the order the rules
 * first appear; throws if two rules with one id name different sources (the table could not say).
 */
export function ruleSourcesRows(): string[][] {
  const sources = new Map<string, string>();
  for (const check of ALL_CHECKS) {
    for (const rule of check.rules) {
      const source = `${rule.source.kind}: ${rule.source.ref}`;
      const known = sources.get(rule.id);
      if (known !== undefined && known !== source) {
        throw new Error(`rule ${rule.id} has two sources: ${known} and ${source}`);
      }
      sources.set(rule.id, source);
    }
  }
  return [...sources].map(([id, source]) => [`\`${id}\``, source]);
}

/** The header of the sources table. */
export const RULE_SOURCES_HEADER = ['rule', 'source'];
