import { addConstraintUsingIndex, alterTable, dropConstraint } from '../sql/constraint-ddl.js';
import { defaultObjectName, uniqueConstraintName } from '../sql/constraint-names.js';
import { constraintQuery } from '../sql/catalog-queries.js';
import { quoteIdentifier, quoteQualifiedName } from '../sql/identifier.js';
import { indexColumnList } from '../sql/index-ddl.js';
import { duplicatesQuery } from '../sql/integrity-queries.js';
import { foreignKeysReferencing, releaseReferencingKeys } from '../sql/referencing-foreign-keys.js';
import { defineConstraintRule } from './database-rule.js';
import { newColumnDependencies, sqlScript } from './migration-script.js';

export const uniqueAdded = defineConstraintRule('unique', 'added', {
  id: 'unique-added',
  code: 'DB203',
  issueType: 'unique_added',
  severity: 'potentially_breaking',
  title: 'Unique constraint added',
  description:
    'Existing duplicates make the constraint fail to build; afterwards INSERTs and UPDATEs that create a duplicate fail. ADD CONSTRAINT … UNIQUE builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole build.',
  safeAlternative: 'Remove duplicates, CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX (a brief lock).',
  classify: ({ tables, after }) => {
    const unique = after!;
    const name = uniqueConstraintName(tables.after, unique);
    return {
      description: `New unique constraint (${unique.columns.join(', ')})${unique.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} added to table '${tables.after.key}'`,
      impact: 'New unique constraint may reject existing data, and rejects duplicate writes from now on',
      suggestedMigration: 'Validate existing data has no duplicates, build the index concurrently, then attach it',
      affectedOperations: ['INSERT', 'UPDATE'],
      script: sqlScript({
        description: `Add unique constraint ${name} to table ${tables.after.key}`,
        statements: addConstraintUsingIndex(tables.after, name, 'UNIQUE', unique.columns, unique),
        rollback: [dropConstraint(tables.after, name)],
        validation: duplicatesQuery(tables.after, unique.columns),
        dependencies: newColumnDependencies(tables, unique.columns),
      }),
    };
  },
});

export const uniqueRemoved = defineConstraintRule('unique', 'removed', {
  id: 'unique-removed',
  code: 'DB407',
  issueType: 'unique_removed',
  severity: 'non_breaking',
  title: 'Unique constraint removed',
  description:
    'Writes that were rejected as duplicates are now accepted. Upserts that name these columns in ON CONFLICT fail ("no unique or exclusion constraint matching the ON CONFLICT specification"), and foreign keys that reference them block the drop.',
  safeAlternative: 'Check for ON CONFLICT clauses and referencing foreign keys on these columns before dropping it.',
  classify: ({ tables, before }, _change, context) => {
    const unique = before!;
    const name = uniqueConstraintName(tables.before, unique);
    const released = releaseReferencingKeys(foreignKeysReferencing(context.before, tables.before, unique.columns), context.after);
    return {
      description: `Unique constraint (${unique.columns.join(', ')}) removed from table '${tables.after.key}'`,
      impact: `No longer enforcing uniqueness of (${unique.columns.join(', ')}); ON CONFLICT on these columns stops working`,
      suggestedMigration: 'Consider application-level validation for removed constraint',
      affectedOperations: ['INSERT', 'UPDATE'],
      script: sqlScript({
        description: `Drop unique constraint ${name} of table ${tables.after.key}`,
        statements: [...released.statements, dropConstraint(tables.after, name)],
        rollback: [
          '-- Fails if duplicates were written since.',
          ...addConstraintUsingIndex(tables.after, name, 'UNIQUE', unique.columns, unique),
          ...released.rollback,
        ],
        validation: constraintQuery(tables.after, name),
        dependencies: released.dependencies,
      }),
    };
  },
});

export const uniqueModified = defineConstraintRule('unique', 'modified', {
  id: 'unique-modified',
  code: 'DB204',
  issueType: 'unique_modified',
  severity: 'potentially_breaking',
  title: 'Unique constraint columns changed',
  description:
    'The same constraint now covers other columns: existing rows may violate the new combination, and upserts that name the old columns in ON CONFLICT fail.',
  safeAlternative: 'Build the new unique index CONCURRENTLY, then swap the constraints in one short transaction.',
  classify: ({ tables, before, after }) => {
    const name = uniqueConstraintName(tables.after, after!);
    const staged = defaultObjectName(name, [], 'new');
    return {
      description: `Unique constraint ${name} on table '${tables.after.key}' changed from (${before!.columns.join(', ')})${before!.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} to (${after!.columns.join(', ')})${after!.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''}`,
      impact: 'Existing rows may violate the new column combination',
      suggestedMigration: 'Validate the new combination has no duplicates, then swap the constraint',
      affectedOperations: ['INSERT', 'UPDATE'],
      script: sqlScript({
        description: `Replace unique constraint ${name} of table ${tables.after.key}`,
        statements: [
          `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdentifier(staged)} ON ${quoteQualifiedName(tables.after.schema, tables.after.name)} (${indexColumnList(after!.columns)})${after!.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''};`,
          'BEGIN;',
          dropConstraint(tables.after, uniqueConstraintName(tables.before, before!)),
          `${alterTable(tables.after)} ADD CONSTRAINT ${quoteIdentifier(name)} UNIQUE USING INDEX ${quoteIdentifier(staged)};`,
          'COMMIT;',
        ],
        rollback: [
          `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdentifier(staged)} ON ${quoteQualifiedName(tables.after.schema, tables.after.name)} (${indexColumnList(before!.columns)})${before!.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''};`,
          'BEGIN;',
          dropConstraint(tables.after, name),
          `${alterTable(tables.after)} ADD CONSTRAINT ${quoteIdentifier(uniqueConstraintName(tables.before, before!))} UNIQUE USING INDEX ${quoteIdentifier(staged)};`,
          'COMMIT;',
        ],
        validation: duplicatesQuery(tables.after, after!.columns),
        dependencies: newColumnDependencies(tables, after!.columns),
      }),
    };
  },
});
