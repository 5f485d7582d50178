import type { CompatibilityRuleInput, RuleContext, SchemaChange } from '@migration-architect/core';
import { pathMatchKey } from '../api/model/endpoint-key.js';
import type { IgnoreEntry } from '../options.js';

/** `GET /pets/{petId}` and `get /pets/{id}` are the same operation. */
function operationKey(label: string): string {
  const [method, ...rest] = label.trim().split(/\s+/);
  return `${(method ?? '').toUpperCase()} ${pathMatchKey(rest.join(' '))}`;
}

/**
 * Drops the findings the config accepts (`service({ ignore: [{ rule, operation, reason }] })`):
 * the rule that will classify each change is found the way core finds it (first rule of the kind
 * whose `when` matches); a change reaching several operations keeps the ones not accepted.
 */
export function withoutAccepted<Model>(
  changes: SchemaChange[],
  ignore: IgnoreEntry[],
  rules: CompatibilityRuleInput[],
  context: RuleContext<Model>,
): SchemaChange[] {
  if (ignore.length === 0) return changes;
  const byKind = new Map<string, CompatibilityRuleInput[]>();
  for (const rule of rules) byKind.set(rule.change, [...(byKind.get(rule.change) ?? []), rule]);
  const entries = ignore.map((entry) => ({
    rule: entry.rule.replace(/^[a-z0-9-]+\//, ''),
    operation: entry.operation === undefined ? undefined : operationKey(entry.operation),
  }));
  return changes.flatMap((change) => {
    const rule = byKind.get(change.kind)?.find((r) => !r.when || r.when(change, context));
    const matching = entries.filter((entry) => entry.rule === rule?.id);
    if (matching.length === 0) return [change];
    if (matching.some((entry) => entry.operation === undefined)) return [];
    const details = (change.details ?? {}) as { operations?: string[] };
    const operations = details.operations ?? [];
    const kept = operations.filter((operation) => !matching.some((entry) => entry.operation === operationKey(operation)));
    if (kept.length === operations.length) return [change];
    return kept.length === 0 ? [] : [{ ...change, details: { ...details, operations: kept } }];
  });
}
