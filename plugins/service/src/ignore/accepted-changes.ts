import type { CheckerAcceptance, CompatibilityRuleInput } from '@migration-architect/core';
import { pathMatchKey } from '../api/model/endpoint-key.js';
import type { IgnoreEntry } from '../options.js';

/** `GET /pets/{petId}` and `get /pets/{id}` are the same operation. */
function operationKey(label: string): string {
  const [method, ...rest] = label.trim().split(/\s+/);
  return `${(method ?? '').toUpperCase()} ${pathMatchKey(rest.join(' '))}`;
}

const WRITTEN_IN = 'service({ ignore }) (deprecated: write it in migration-architect.accepted.yaml)';

let warned = false;

/** Once per process: the option still works, and says what to write instead. */
function warnDeprecated(): void {
  if (warned) return;
  warned = true;
  process.emitWarning(
    "service({ ignore }) is deprecated and will be removed in the next major release: write each entry in migration-architect.accepted.yaml (or the config's accepted:) as { rule, subject or location, reason, expires, accepted_by }; see docs/cli.md#accepted-findings",
    { type: 'DeprecationWarning', code: 'MIGRATION_ARCHITECT_SERVICE_IGNORE' },
  );
}

/**
 * The deprecated `service({ ignore: [{ rule, operation, reason }] })` option as acceptances core
 * applies with the ledger (the plugin no longer filters its own findings). Entries are grouped by
 * rule, and only those for this checker's rules are kept (one list feeds the API and GraphQL
 * checkers). An entry without an operation accepts every finding of its rule; entries with
 * operations accept a finding when every operation it reaches is among them — a finding that also
 * reaches other operations stays in the report, whole.
 */
export function ignoreAcceptances(ignore: IgnoreEntry[], rules: CompatibilityRuleInput<any, any>[]): CheckerAcceptance[] {
  if (ignore.length === 0) return [];
  warnDeprecated();
  const ids = new Set(rules.map((rule) => rule.id));
  const byRule = new Map<string, IgnoreEntry[]>();
  for (const entry of ignore) {
    const id = entry.rule.replace(/^[a-z0-9-]+\//, '');
    if (ids.has(id)) byRule.set(id, [...(byRule.get(id) ?? []), entry]);
  }
  return [...byRule].map(([rule, entries]) => {
    const reason = [...new Set(entries.map((entry) => entry.reason))].join('; ');
    if (entries.some((entry) => entry.operation === undefined)) return { rule, reason, writtenIn: WRITTEN_IN };
    const operations = new Set(entries.map((entry) => operationKey(entry.operation!)));
    return {
      rule,
      reason,
      writtenIn: WRITTEN_IN,
      accepts: ({ issue, change }) => {
        const reached = (change.details as { operations?: string[] } | undefined)?.operations ?? issue.affected_operations;
        return reached.length > 0 && reached.every((operation) => operations.has(operationKey(operation)));
      },
    };
  });
}
