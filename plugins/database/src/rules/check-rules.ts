import type { CheckConstraint, Table } from '../schema/model.js';
import { addConstraintNotValid, alterTable, dropConstraint, validateConstraint } from '../sql/constraint-ddl.js';
import { checkName } from '../sql/constraint-names.js';
import { constraintQuery } from '../sql/catalog-queries.js';
import { normalizeExpression, referencedIdentifiers } from '../sql/expression.js';
import { quoteIdentifier } from '../sql/identifier.js';
import { checkViolationsQuery } from '../sql/integrity-queries.js';
import { type DatabaseRuleContext, defineConstraintRule } from './database-rule.js';
import { declaredColumnRenames } from './declared-renames.js';
import { underRenamedColumns } from '../sql/renamed-columns.js';
import { guardedBlock } from '../sql/rollback-guards.js';
import { newColumnDependencies, sqlScript } from './migration-script.js';

const NOT_VALID_NOTE =
  'Added NOT VALID it only needs a brief lock; VALIDATE CONSTRAINT then scans existing rows under SHARE UPDATE EXCLUSIVE, which lets reads and writes continue';

export const checkAdded = defineConstraintRule('check', 'added', {
  id: 'check-added',
  code: 'DB205',
  issueType: 'check_added',
  severity: 'potentially_breaking',
  title: 'CHECK constraint added',
  description:
    'Existing rows that violate the expression make the constraint fail to validate; afterwards INSERTs and UPDATEs that violate it fail. Added in one step it scans the table under an ACCESS EXCLUSIVE lock.',
  safeAlternative: 'Count and fix violating rows, ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in its own transaction.',
  classify: ({ tables, after }) => {
    const check = after!;
    const name = checkName(tables.after, check);
    const columns = referencedIdentifiers(check.expression);
    return {
      description: `New check constraint '${check.expression}' added to table '${tables.after.key}' as ${name}`,
      impact: `New check constraint may reject existing data, and rejects violating writes from now on. ${NOT_VALID_NOTE}`,
      suggestedMigration: 'Validate existing data complies with new constraint (the validation query must return 0), then add it NOT VALID and VALIDATE it',
      affectedOperations: ['INSERT', 'UPDATE'],
      script: sqlScript({
        description: `Add check constraint ${name} to table ${tables.after.key}`,
        statements: addConstraintNotValid(tables.after, name, `CHECK (${check.expression})`, check),
        rollback: [dropConstraint(tables.after, name)],
        validation: checkViolationsQuery(tables.after, check),
        dependencies: newColumnDependencies(tables, columns),
      }),
    };
  },
});

export const checkRemoved = defineConstraintRule('check', 'removed', {
  id: 'check-removed',
  code: 'DB408',
  issueType: 'check_removed',
  severity: 'non_breaking',
  title: 'CHECK constraint removed',
  description: 'Writes that were rejected are now accepted; nothing that worked before fails. Readers may meet values the check used to exclude.',
  safeAlternative: 'Move the rule into the application if it still matters.',
  classify: ({ tables, before }, _change, context) => {
    const check = before!;
    const name = checkName(tables.before, check);
    return {
      description: `Check constraint '${check.expression}' removed from table '${tables.after.key}'`,
      impact: 'No longer enforcing check constraint',
      suggestedMigration: 'Consider application-level validation for removed constraint',
      affectedOperations: ['INSERT', 'UPDATE'],
      script: sqlScript({
        description: `Drop check constraint ${name} of table ${tables.after.key}`,
        statements: [
          ...(check.name
            ? []
            : [
                `-- ${name} is PostgreSQL's default name; if the constraint was named otherwise, find it with:`,
                `--   ${constraintQuery(tables.before, name).replace(/ AND conname = .*;$/, " AND contype = 'c';")}`,
              ]),
          dropConstraint(tables.after, name),
        ],
        rollback: restoredCheck(tables.after, name, check, context),
        validation: constraintQuery(tables.after, name),
      }),
    };
  },
});

/**
 * The check added back by a rollback: its expression names the columns as they were, and a
 * declared rename of one may not be rolled back yet (its script ran first, so it rolls back last).
 */
function restoredCheck(table: Table, name: string, check: CheckConstraint, context: DatabaseRuleContext): string[] {
  const add = addConstraintNotValid(table, name, `CHECK (${check.expression})`, check);
  const used = referencedIdentifiers(check.expression);
  const renamed = declaredColumnRenames(context.after, table.key).filter((r) => used.includes(r.from));
  return renamed.length
    ? [
        guardedBlock(
          [],
          underRenamedColumns(
            renamed.map((r) => ({ table, ...r })),
            add,
          ),
        ),
      ]
    : add;
}

export const checkModified = defineConstraintRule(
  'check',
  'modified',
  {
    id: 'check-modified',
    code: 'DB206',
    issueType: 'check_modified',
    severity: 'potentially_breaking',
    title: 'CHECK constraint changed',
    description: 'The named check now enforces a different rule: existing rows may violate it, and writes valid before may be rejected.',
    safeAlternative: 'Swap the constraint NOT VALID in one short transaction, then VALIDATE it separately.',
    classify: ({ tables, before, after }) => {
      const name = checkName(tables.after, after!);
      const swap = (check: CheckConstraint) => [
        'BEGIN;',
        dropConstraint(tables.after, name),
        `${alterTable(tables.after)} ADD CONSTRAINT ${quoteIdentifier(name)} CHECK (${check.expression}) NOT VALID;`,
        'COMMIT;',
        ...validateConstraint(tables.after, name, check),
      ];
      const sameRule = normalizeExpression(before!.expression) === normalizeExpression(after!.expression);
      return {
        description: sameRule
          ? `Check constraint ${name} on table '${tables.after.key}' ${after!.notValid ? 'is now NOT VALID (rows already there are not checked)' : 'is now validated'}`
          : `Check constraint ${name} on table '${tables.after.key}' changed from '${before!.expression}' to '${after!.expression}'`,
        impact: `Different validation rules: existing rows may violate the new expression. ${NOT_VALID_NOTE}`,
        suggestedMigration: 'Validate existing data against the new expression, then swap the constraint',
        affectedOperations: ['INSERT', 'UPDATE'],
        script: sqlScript({
          description: `Replace check constraint ${name} of table ${tables.after.key}`,
          statements: swap(after!),
          rollback: swap(before!),
          validation: checkViolationsQuery(tables.after, after!),
          dependencies: newColumnDependencies(tables, referencedIdentifiers(after!.expression)),
        }),
      };
    },
  },
  { last: true },
);
