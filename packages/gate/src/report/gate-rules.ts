import type { ChangeSeverity, CompatibilityIssue, RuleSummary } from '@migration-architect/core';

/** Findings the gate itself makes (about histories and the ledger), listed with every checker's rules in SARIF. */
export const GATE_RULES = {
  doesNotApply: {
    id: 'gate/migration-does-not-apply',
    code: 'GATE001',
    severity: 'breaking',
    title: 'Migration does not apply',
    description: 'PostgreSQL refuses the migration on the schema the earlier migrations leave: the deploy would fail at this statement.',
    safeAlternative: 'Fix the statement, or order the migration after the one that creates what it needs.',
  },
  rollbackDiffers: {
    id: 'gate/rollback-not-reversible',
    code: 'GATE002',
    severity: 'breaking',
    title: 'Down migration does not restore the schema',
    description: 'Replaying up → down → up did not return to the same schema (or the down file fails): the way back is not proven.',
    safeAlternative: 'Make the down / undo file drop exactly what the up file creates and restore what it drops.',
  },
  edited: {
    id: 'gate/applied-migration-edited',
    code: 'GATE003',
    severity: 'potentially_breaking',
    title: 'Merged migration edited',
    description: 'A migration the base branch already has was changed: databases that ran it will not run it again, so they diverge from new ones.',
    safeAlternative: 'Leave merged migrations as they are and write a new migration for the change.',
  },
  removed: {
    id: 'gate/applied-migration-removed',
    code: 'GATE004',
    severity: 'potentially_breaking',
    title: 'Merged migration removed',
    description: 'A migration the base branch has was deleted: databases that ran it keep its changes, new databases do not get them.',
    safeAlternative: 'Keep merged migrations; undo their changes with a new migration.',
  },
  historyFails: {
    id: 'gate/history-does-not-replay',
    code: 'GATE005',
    severity: 'potentially_breaking',
    title: 'Earlier migrations do not replay',
    description: 'An earlier migration fails on a fresh database, so the schema a new migration applies to is only known up to that point.',
    safeAlternative: 'Fix the history (or replay on a server with --dev-url that has what it needs, such as extensions).',
  },
  expired: {
    id: 'gate/acceptance-expired',
    code: 'GATE010',
    severity: 'breaking',
    title: 'Accepted finding expired',
    description: 'An entry of the acceptance ledger is past its expiry date: it accepts nothing any more and fails the gate until it is renewed or removed.',
    safeAlternative: 'Fix the finding and remove the entry, or renew it with a new date and reason.',
  },
} as const satisfies Record<string, { id: string; code: string; severity: ChangeSeverity; title: string; description: string; safeAlternative: string }>;

export type GateRuleKey = keyof typeof GATE_RULES;

/** The gate's rules as the catalog lists rules, for SARIF. */
export function gateRuleSummaries(): RuleSummary[] {
  return Object.values(GATE_RULES).map((rule) => ({
    id: rule.id,
    code: rule.code,
    slug: rule.id.split('/')[1]!,
    checker: 'gate',
    plugin: '@migration-architect/gate',
    severity: rule.severity,
    title: rule.title,
    description: rule.description,
    safeAlternative: rule.safeAlternative,
    // The gate's findings are about the history and the ledger, not changes with an undo of their own.
    rollback: null,
    issueType: rule.id.split('/')[1]!.replace(/-/g, '_'),
    docsUrl: 'https://github.com/migration-architect/migration-architect/blob/main/docs/ci.md#gate-findings',
    examples: [],
  }));
}

/** A finding of one of the gate's rules, shaped as every checker's findings are. */
export function gateIssue(
  key: GateRuleKey,
  finding: { file: string; line?: number | undefined; subject: string; description: string; impact?: string },
): CompatibilityIssue {
  const rule = GATE_RULES[key];
  return {
    type: rule.id.split('/')[1]!.replace(/-/g, '_'),
    rule: rule.id,
    code: rule.code,
    location: { file: finding.file, ...(finding.line ? { line: finding.line } : {}) },
    severity: rule.severity,
    description: finding.description,
    field_path: finding.subject,
    old_value: null,
    new_value: null,
    impact: finding.impact ?? rule.description,
    suggested_migration: rule.safeAlternative,
    affected_operations: [],
    migration_script_index: null,
  };
}
