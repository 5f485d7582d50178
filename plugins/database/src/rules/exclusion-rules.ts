import { constraintValue } from '../schema/constraint-diff.js';
import type { ExclusionConstraint, Table } from '../schema/model.js';
import { constraintQuery } from '../sql/catalog-queries.js';
import { alterTable, dropConstraint } from '../sql/constraint-ddl.js';
import { exclusionName } from '../sql/constraint-names.js';
import { exclusionClause } from '../sql/exclusion-ddl.js';
import { referencedIdentifiers } from '../sql/expression.js';
import { quoteIdentifier } from '../sql/identifier.js';
import { defineConstraintRule } from './database-rule.js';
import { newColumnDependencies, sqlScript } from './migration-script.js';

/** In one statement: an exclusion constraint cannot be added NOT VALID, nor its index built CONCURRENTLY first. */
function addExclusion(table: Table, exclusion: ExclusionConstraint): string {
  return `${alterTable(table)} ADD CONSTRAINT ${quoteIdentifier(exclusionName(table, exclusion))} ${exclusionClause(exclusion)};`;
}

/** Columns an exclusion constraint names, in its elements and its predicate. */
function exclusionColumns(exclusion: ExclusionConstraint): string[] {
  return referencedIdentifiers([...exclusion.elements.map((e) => e.element), exclusion.predicate ?? ''].join(' '));
}

export const exclusionAdded = defineConstraintRule(
  'exclusion',
  'added',
  {
    id: 'exclusion-added',
    code: 'DB215',
    issueType: 'exclusion_constraint_added',
    severity: 'potentially_breaking',
    title: 'Exclusion constraint added',
    description:
      'Building it scans the table under an ACCESS EXCLUSIVE lock (it cannot be added NOT VALID or CONCURRENTLY) and fails if existing rows conflict; afterwards, writes that conflict fail.',
    safeAlternative: "Find conflicting rows first with a self-join on the constraint's operators, and add it in a maintenance window: there is no online way.",
    classify: ({ tables, after }) => ({
      description: `Exclusion constraint ${after?.name ? `'${after.name}' ` : ''}added to '${tables.after.key}': ${String(constraintValue('exclusion', after!))}`,
      impact: 'Table locked while the constraint is built; conflicting writes fail afterwards',
      suggestedMigration: 'Check for conflicting rows, then add the constraint in a maintenance window',
      affectedOperations: ['INSERT', 'UPDATE'],
      script: sqlScript({
        description: `Add exclusion constraint ${exclusionName(tables.after, after!)} to table ${tables.after.key}`,
        statements: [
          `-- Scans ${tables.after.key} under ACCESS EXCLUSIVE and fails on conflicting rows: run it in a maintenance window.`,
          addExclusion(tables.after, after!),
        ],
        rollback: [dropConstraint(tables.after, exclusionName(tables.after, after!))],
        validation: constraintQuery(tables.after, exclusionName(tables.after, after!)),
        dependencies: newColumnDependencies(tables, exclusionColumns(after!)),
      }),
    }),
  },
  { last: true },
);

export const exclusionRemoved = defineConstraintRule(
  'exclusion',
  'removed',
  {
    id: 'exclusion-removed',
    code: 'DB416',
    issueType: 'exclusion_constraint_removed',
    severity: 'non_breaking',
    title: 'Exclusion constraint removed',
    description: 'Writes that used to fail now succeed: overlapping rows can appear, which readers may not expect.',
    safeAlternative: 'Make sure the application enforces the rule before dropping the constraint.',
    classify: ({ tables, before }) => ({
      description: `Exclusion constraint ${before?.name ? `'${before.name}' ` : ''}removed from '${tables.before.key}'`,
      impact: 'Conflicting rows are no longer rejected',
      suggestedMigration: 'Make sure the application enforces the rule, then drop the constraint',
      affectedOperations: [],
      script: sqlScript({
        description: `Drop exclusion constraint ${exclusionName(tables.before, before!)} of table ${tables.after.key}`,
        statements: [dropConstraint(tables.after, exclusionName(tables.before, before!))],
        rollback: [addExclusion(tables.after, before!)],
        validation: constraintQuery(tables.after, exclusionName(tables.before, before!)),
      }),
    }),
  },
  { last: true },
);
