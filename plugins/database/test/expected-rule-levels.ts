import type { ChangeSeverity } from '@migration-architect/core';

/** A rule's level as users meet it: the severity decides `check`'s exit code, the code names it in SARIF and docs anchors. */
export interface ExpectedRuleLevel {
  checker?: string;
  severity: ChangeSeverity;
  code?: string;
}

/**
 * The reviewed level of every database rule, kept apart from the rules. The rule tests compare
 * findings with this table, not with `rule.severity`, so a rule whose severity or code changes
 * fails its test until this table is changed too, in the same reviewed diff: a downgraded rule
 * changes users' exit codes. A new rule needs its row here.
 */
export const EXPECTED_DATABASE_RULE_LEVELS = {
  'table-removed': { severity: 'breaking', code: 'DB102' },
  'table-added': { severity: 'additive', code: 'DB401' },
  'column-removed': { severity: 'breaking', code: 'DB103' },
  'required-column-added': { severity: 'breaking', code: 'DB201' },
  'column-added-with-table-rewrite': { severity: 'potentially_breaking', code: 'DB301' },
  'column-added': { severity: 'additive', code: 'DB402' },
  'incompatible-type-change': { severity: 'breaking', code: 'DB118' },
  'risky-type-change': { severity: 'potentially_breaking', code: 'DB210' },
  'type-widened': { severity: 'non_breaking', code: 'DB302' },
  'length-reduction': { severity: 'potentially_breaking', code: 'DB209' },
  'length-increase': { severity: 'non_breaking', code: 'DB404' },
  'nullability-restriction': { severity: 'breaking', code: 'DB202' },
  'nullability-relaxed': { severity: 'non_breaking', code: 'DB403' },
  'required-column-default-removed': { severity: 'breaking', code: 'DB120' },
  'default-changed': { severity: 'non_breaking', code: 'DB405' },
  'identity-removed': { severity: 'breaking', code: 'DB119' },
  'identity-restricted': { severity: 'potentially_breaking', code: 'DB216' },
  'identity-changed': { severity: 'non_breaking', code: 'DB306' },
  'comment-changed': { severity: 'non_breaking', code: 'DB406' },
  'primary-key-added': { severity: 'breaking', code: 'DB211' },
  'primary-key-removed': { severity: 'breaking', code: 'DB121' },
  'primary-key-modified': { severity: 'breaking', code: 'DB212' },
  'unique-added': { severity: 'potentially_breaking', code: 'DB203' },
  'unique-removed': { severity: 'non_breaking', code: 'DB407' },
  'unique-modified': { severity: 'potentially_breaking', code: 'DB204' },
  'foreign-key-added': { severity: 'potentially_breaking', code: 'DB207' },
  'foreign-key-removed': { severity: 'potentially_breaking', code: 'DB122' },
  'foreign-key-modified': { severity: 'breaking', code: 'DB208' },
  'check-added': { severity: 'potentially_breaking', code: 'DB205' },
  'check-removed': { severity: 'non_breaking', code: 'DB408' },
  'check-modified': { severity: 'potentially_breaking', code: 'DB206' },
  'unique-index-added': { severity: 'potentially_breaking', code: 'DB213' },
  'index-added': { severity: 'additive', code: 'DB303' },
  'index-removed': { severity: 'non_breaking', code: 'DB304' },
  'index-made-unique': { severity: 'potentially_breaking', code: 'DB214' },
  'index-changed': { severity: 'non_breaking', code: 'DB305' },
  'view-removed': { severity: 'breaking', code: 'DB108' },
  'view-added': { severity: 'additive', code: 'DB409' },
  'view-columns-removed': { severity: 'breaking', code: 'DB109' },
  'view-columns-reordered': { severity: 'potentially_breaking', code: 'DB110' },
  'view-columns-added': { severity: 'additive', code: 'DB410' },
  'view-definition-changed': { severity: 'non_breaking', code: 'DB501' },
  'routine-removed': { severity: 'breaking', code: 'DB111' },
  'routine-added': { severity: 'additive', code: 'DB411' },
  'routine-signature-changed': { severity: 'breaking', code: 'DB112' },
  'routine-definition-changed': { severity: 'non_breaking', code: 'DB502' },
  'schema-removed': { severity: 'breaking', code: 'DB101' },
  'schema-added': { severity: 'additive', code: 'DB412' },
  'table-renamed': { severity: 'breaking', code: 'DB104' },
  'column-renamed': { severity: 'breaking', code: 'DB105' },
  'table-possibly-renamed': { severity: 'potentially_breaking', code: 'DB106' },
  'column-possibly-renamed': { severity: 'potentially_breaking', code: 'DB107' },
  'enum-removed': { severity: 'breaking', code: 'DB113' },
  'enum-added': { severity: 'additive', code: 'DB413' },
  'enum-value-removed': { severity: 'breaking', code: 'DB114' },
  'enum-values-reordered': { severity: 'potentially_breaking', code: 'DB115' },
  'enum-value-added': { severity: 'additive', code: 'DB414' },
  'domain-removed': { severity: 'breaking', code: 'DB124' },
  'domain-added': { severity: 'additive', code: 'DB419' },
  'domain-type-changed': { severity: 'breaking', code: 'DB125' },
  'domain-default-changed': { severity: 'non_breaking', code: 'DB506' },
  'domain-not-null-added': { severity: 'potentially_breaking', code: 'DB217' },
  'domain-not-null-dropped': { severity: 'non_breaking', code: 'DB420' },
  'domain-check-added': { severity: 'potentially_breaking', code: 'DB218' },
  'domain-check-removed': { severity: 'non_breaking', code: 'DB421' },
  'domain-check-validated': { severity: 'potentially_breaking', code: 'DB219' },
  'sequence-removed': { severity: 'breaking', code: 'DB116' },
  'sequence-added': { severity: 'additive', code: 'DB415' },
  'trigger-removed': { severity: 'potentially_breaking', code: 'DB117' },
  'trigger-added': { severity: 'non_breaking', code: 'DB503' },
  'trigger-changed': { severity: 'potentially_breaking', code: 'DB504' },
  'exclusion-added': { severity: 'potentially_breaking', code: 'DB215' },
  'exclusion-removed': { severity: 'non_breaking', code: 'DB416' },
  'extension-removed': { severity: 'breaking', code: 'DB123' },
  'extension-added': { severity: 'additive', code: 'DB417' },
  'extension-changed': { severity: 'non_breaking', code: 'DB505' },
  'index-not-concurrent': { severity: 'potentially_breaking', code: 'DB601' },
  'concurrently-in-transaction': { severity: 'breaking', code: 'DB602' },
  'missing-lock-timeout': { severity: 'non_breaking', code: 'DB603' },
  'validates-under-lock': { severity: 'potentially_breaking', code: 'DB604' },
  'not-rerunnable': { severity: 'non_breaking', code: 'DB605' },
  'unused-suppression': { severity: 'non_breaking', code: 'DB699' },
  'relation-comment-changed': { severity: 'non_breaking', code: 'DB418' },
  'partition-membership-changed': { severity: 'potentially_breaking', code: 'DB220' },
  'enum-value-unpositioned': { severity: 'non_breaking', code: 'DB606' },
  'reindex-not-concurrent': { severity: 'potentially_breaking', code: 'DB607' },
} as const satisfies Record<string, ExpectedRuleLevel>;

/** The reviewed row of a rule; a rule without one fails with what to do. */
export function reviewedLevel(table: Record<string, ExpectedRuleLevel>, id: string): ExpectedRuleLevel {
  const row = table[id];
  if (!row) throw new Error(`rule ${id} has no reviewed level: add its severity and code to test/expected-rule-levels.ts`);
  return row;
}
