import { addConstraintUsingIndex, alterTable, dropConstraint, setNotNull } from '../sql/constraint-ddl.js';
import { defaultObjectName, primaryKeyName } from '../sql/constraint-names.js';
import { constraintQuery } from '../sql/catalog-queries.js';
import { quoteIdentifier, quoteQualifiedName } from '../sql/identifier.js';
import { duplicatesQuery } from '../sql/integrity-queries.js';
import { columnList } from '../sql/constraint-ddl.js';
import { aroundReferencingKeys, foreignKeysReferencing, releaseReferencingKeys } from '../sql/referencing-foreign-keys.js';
import { objectIdentity } from '../schema/qualified-name.js';
import { defineConstraintRule } from './database-rule.js';
import { newColumnDependencies, sqlScript } from './migration-script.js';
import type { Table } from '../schema/model.js';

/** NOT NULL for key columns that were nullable, the cheap way, before the key is attached. */
function notNullFirst(before: Table, after: Table, columns: readonly string[]): string[] {
  return columns.filter((c) => before.columns.find((col) => col.name === c)?.nullable ?? false).flatMap((c) => setNotNull(after, c));
}

/**
 * The rollback's side of notNullFirst: once the key is off them, the columns nullable before are
 * nullable again. The NOT NULL script of the same column may not have run (it waits for a backfill
 * value), so the key's own rollback cannot leave this to it.
 */
function nullableAgain(before: Table, after: Table, columns: readonly string[]): string[] {
  return columns
    .filter((c) => before.columns.find((col) => col.name === c)?.nullable ?? false)
    .map((c) => `${alterTable(after)} ALTER COLUMN ${quoteIdentifier(c)} DROP NOT NULL;`);
}

export const primaryKeyAdded = defineConstraintRule('primary_key', 'added', {
  id: 'primary-key-added',
  code: 'DB211',
  issueType: 'primary_key_added',
  severity: 'breaking',
  title: 'Primary key added',
  description:
    'A primary key builds a unique index and makes its columns NOT NULL: the ALTER fails on duplicates or NULLs and, done directly, holds an ACCESS EXCLUSIVE lock for the whole index build. Logical replication, CDC tools and ORMs identify rows differently once the table has a key.',
  safeAlternative:
    'Remove duplicates and NULLs, build the unique index CONCURRENTLY, then attach it with ADD CONSTRAINT … PRIMARY KEY USING INDEX (a brief lock).',
  classify: ({ tables, after }) => {
    const key = after!;
    const name = primaryKeyName(tables.after);
    return {
      description: `Primary key (${key.columns.join(', ')}) added to table '${tables.after.key}'`,
      impact: 'Fails on duplicate or NULL keys; row identity changes for replication and ORMs',
      suggestedMigration: 'Validate uniqueness, build the index concurrently, then attach it as the primary key',
      affectedOperations: ['INSERT', 'UPDATE', 'Replication'],
      script: sqlScript({
        description: `Add primary key ${name} to table ${tables.after.key}`,
        statements: [
          ...notNullFirst(tables.before, tables.after, key.columns),
          ...addConstraintUsingIndex(tables.after, name, 'PRIMARY KEY', key.columns, key),
        ],
        rollback: [dropConstraint(tables.after, name), ...nullableAgain(tables.before, tables.after, key.columns)],
        validation: duplicatesQuery(tables.after, key.columns),
        dependencies: newColumnDependencies(tables, key.columns),
      }),
    };
  },
});

export const primaryKeyRemoved = defineConstraintRule('primary_key', 'removed', {
  id: 'primary-key-removed',
  code: 'DB121',
  issueType: 'primary_key_removed',
  severity: 'breaking',
  title: 'Primary key removed',
  description:
    'Without a primary key, UPDATE and DELETE can no longer be replicated logically (REPLICA IDENTITY DEFAULT uses the key), foreign keys that reference it block the drop, ORMs lose row identity and duplicate rows become possible.',
  safeAlternative: 'Keep the key; if it must change, attach the new one before dropping the old (see primary-key-modified).',
  classify: ({ tables, before }, _change, context) => {
    const key = before!;
    const name = primaryKeyName(tables.before);
    const released = releaseReferencingKeys(foreignKeysReferencing(context.before, tables.before, key.columns), context.after);
    return {
      description: `Primary key (${key.columns.join(', ')}) removed from table '${tables.after.key}'`,
      impact: 'Replication of UPDATE/DELETE stops working, referencing foreign keys block the change, duplicates become possible',
      suggestedMigration: 'Keep a primary key; replace it rather than remove it',
      affectedOperations: ['UPDATE', 'DELETE', 'Replication'],
      script: sqlScript({
        description: `Drop primary key ${name} of table ${tables.after.key}`,
        statements: [...released.statements, dropConstraint(tables.after, name)],
        rollback: [...addConstraintUsingIndex(tables.after, name, 'PRIMARY KEY', key.columns, key), ...released.rollback],
        validation: constraintQuery(tables.after, name),
        dependencies: released.dependencies,
      }),
    };
  },
});

export const primaryKeyModified = defineConstraintRule('primary_key', 'modified', {
  id: 'primary-key-modified',
  code: 'DB212',
  issueType: 'primary_key_modified',
  severity: 'breaking',
  title: 'Primary key columns changed',
  description:
    'A different key changes row identity for every client, replication and ORM, invalidates foreign keys that reference the old key, and needs a new unique index over the whole table.',
  safeAlternative: 'Build the new unique index CONCURRENTLY, move referencing foreign keys, then swap the key in one short transaction.',
  classify: ({ tables, before, after }, _change, context) => {
    const name = primaryKeyName(tables.after);
    const staged = defaultObjectName(tables.after.name, [], 'pkey_new');
    const table = quoteQualifiedName(tables.after.schema, tables.after.name);
    const all = foreignKeysReferencing(context.before, tables.before, before!.columns);
    // Those of tables the change retires are released from the aside table (they are not in the after schema to add back).
    const retired = releaseReferencingKeys(all, context.after);
    const referencing = all.filter(({ table }) => context.after.tables.some((t) => objectIdentity(t) === objectIdentity(table)));
    const forward = aroundReferencingKeys(
      [
        `${alterTable(tables.after)} DROP CONSTRAINT ${quoteIdentifier(primaryKeyName(tables.before))};`,
        `${alterTable(tables.after)} ADD CONSTRAINT ${quoteIdentifier(name)} PRIMARY KEY USING INDEX ${quoteIdentifier(staged)};`,
      ],
      referencing,
      context.after,
    );
    const backward = aroundReferencingKeys(
      [
        `${alterTable(tables.after)} DROP CONSTRAINT ${quoteIdentifier(name)};`,
        `${alterTable(tables.after)} ADD CONSTRAINT ${quoteIdentifier(primaryKeyName(tables.before))} PRIMARY KEY USING INDEX ${quoteIdentifier(staged)};`,
      ],
      foreignKeysReferencing(context.after, tables.after, after!.columns),
      context.before,
    );
    return {
      description: `Primary key of table '${tables.after.key}' changed from (${before!.columns.join(', ')}) to (${after!.columns.join(', ')})`,
      impact: 'Row identity changes; foreign keys referencing the old key must be rebuilt',
      suggestedMigration: 'Build the new key index concurrently and swap the constraint in one short transaction',
      affectedOperations: ['INSERT', 'UPDATE', 'DELETE', 'Replication'],
      script: sqlScript({
        description: `Replace primary key of table ${tables.after.key}`,
        statements: [
          ...notNullFirst(tables.before, tables.after, after!.columns),
          `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdentifier(staged)} ON ${table} (${columnList(after!.columns)});`,
          'BEGIN;',
          ...retired.statements,
          ...forward.statements,
          'COMMIT;',
          ...forward.afterCommit,
        ],
        rollback: [
          `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdentifier(staged)} ON ${table} (${columnList(before!.columns)});`,
          'BEGIN;',
          ...backward.statements,
          'COMMIT;',
          ...backward.afterCommit,
          ...retired.rollback,
          ...nullableAgain(tables.before, tables.after, after!.columns),
        ],
        validation: duplicatesQuery(tables.after, after!.columns),
        // A foreign key dropped with the old key goes first, so its rollback runs once the old key is back.
        dependencies: [...newColumnDependencies(tables, after!.columns), ...retired.dependencies],
      }),
    };
  },
});
