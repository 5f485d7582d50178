import type { Checker } from '../../plugin/contract-types.js';
import type { RuleSummary } from '../../rule-catalog/rule-catalog.js';

/** `rules --format json`: the catalog without the example documents, which can be whole schemas. */
export function ruleListingJson(rules: RuleSummary[]): string {
  return `${JSON.stringify(
    rules.map(({ examples, ...rule }) => ({ ...rule, example_count: examples.length })),
    null,
    2,
  )}\n`;
}

/** `rules`: a line per rule, grouped by checker. */
export function renderRuleListing(checkers: { checker: Checker; rules: RuleSummary[] }[]): string {
  return checkers
    .flatMap(({ checker, rules }) => [
      `${checker.id}: ${checker.title} (${rules.length} rules)`,
      ...rules.map((r) => `  ${(r.code ?? '').padEnd(6)} ${r.id.padEnd(40)} ${r.severity.padEnd(20)} ${r.title}`),
      '',
    ])
    .join('\n');
}
