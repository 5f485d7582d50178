import { constraintValue } from '../schema/constraint-diff.js';
import { quoteIdentifier, quoteQualifiedName } from '../sql/identifier.js';
import { defineConstraintRule } from './database-rule.js';

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
      suggestedMigration: `ALTER TABLE ${quoteQualifiedName(tables.before.schema, tables.before.name)} DROP CONSTRAINT ${before?.name ? quoteIdentifier(before.name) : '<name>'}`,
      affectedOperations: [],
    }),
  },
  { last: true },
);
