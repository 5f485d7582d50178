import { quoteIdentifier, quoteQualifiedName } from '../sql/identifier.js';
import { quoteLiteral } from '../sql/literal.js';
import { createCompatibilityView } from '../sql/compatibility-view.js';
import { ifElseBlock } from '../sql/rollback-guards.js';
import { defineDatabaseRule } from './database-rule.js';
import { renameColumnDescription, renamedColumns, renameTableDescription } from './declared-renames.js';
import { sqlScript } from './migration-script.js';

const ALL = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

export const tableRenamed = defineDatabaseRule({
  id: 'table-renamed',
  code: 'DB104',
  issueType: 'table_renamed',
  change: 'table.renamed',
  severity: 'breaking',
  title: 'Table renamed',
  description: 'Clients still deployed with the old name fail ("relation does not exist") the moment the rename commits.',
  safeAlternative:
    'Expand/contract: rename, and create a view with the old name over the table (simple views are updatable) until every client uses the new name.',
  classify: ({ details: { before, after } }, context) => {
    const oldName = quoteQualifiedName(before.schema, before.name);
    const columns = renamedColumns(
      context.after,
      after.key,
      before.columns.map((c) => c.name),
    );
    const newName = quoteQualifiedName(after.schema, after.name);
    return {
      description: `Table '${before.key}' renamed to '${after.key}'`,
      impact: 'Queries using the old name fail until they are deployed with the new one',
      suggestedMigration: `Rename and keep a view named ${before.key} over ${after.key} until no client uses it`,
      affectedOperations: ALL,
      script: sqlScript({
        description: renameTableDescription(before.key, after.key),
        statements: [
          'BEGIN;',
          `ALTER TABLE ${oldName} RENAME TO ${quoteIdentifier(after.name)};`,
          `-- Old clients keep working through a view with the old name:`,
          `CREATE VIEW ${oldName} AS SELECT * FROM ${newName};`,
          'COMMIT;',
        ],
        rollback: ['BEGIN;', `DROP VIEW IF EXISTS ${oldName};`, `ALTER TABLE ${newName} RENAME TO ${quoteIdentifier(before.name)};`, 'COMMIT;'],
        validation: `SELECT to_regclass(${quoteLiteral(newName)}) IS NOT NULL AS renamed;`,
      }),
      contractScript: sqlScript({
        description: `Contract: drop the compatibility view ${before.key}`,
        statements: [`-- Later release, once no deployed client uses the old name ${before.key}:`, `DROP VIEW IF EXISTS ${oldName};`],
        // As the rename made it: the table's columns then, not those the change adds since (whose rollbacks drop them).
        rollback: [ifElseBlock(`to_regclass(${quoteLiteral(oldName)}) IS NULL`, [createCompatibilityView(before, after, columns)], [])],
        validation: `SELECT to_regclass(${quoteLiteral(oldName)}) IS NOT NULL AS view_still_there;`,
        dependencies: [renameTableDescription(before.key, after.key)],
      }),
    };
  },
});

export const columnRenamed = defineDatabaseRule({
  id: 'column-renamed',
  code: 'DB105',
  issueType: 'column_renamed',
  change: 'column.renamed',
  severity: 'breaking',
  title: 'Column renamed',
  description: 'Clients still deployed with the old name fail ("column does not exist") the moment the rename commits.',
  safeAlternative:
    'Expand/contract: add the new column (or a generated column), write both, backfill, move readers, then drop the old one; or rename and expose the old name through a view.',
  classify: ({ details: { tables, before, after } }) => {
    const table = quoteQualifiedName(tables.after.schema, tables.after.name);
    return {
      description: `Column '${tables.after.key}.${before.name}' renamed to '${after.name}'`,
      impact: 'Queries using the old column name fail until they are deployed with the new one',
      suggestedMigration: `Add ${after.name} next to ${before.name}, write both, backfill, move readers, then drop ${before.name}`,
      affectedOperations: ALL,
      script: sqlScript({
        description: renameColumnDescription(tables.after.key, before.name, after.name),
        statements: [`ALTER TABLE ${table} RENAME COLUMN ${quoteIdentifier(before.name)} TO ${quoteIdentifier(after.name)};`],
        rollback: [`ALTER TABLE ${table} RENAME COLUMN ${quoteIdentifier(after.name)} TO ${quoteIdentifier(before.name)};`],
        validation: `SELECT count(*) AS renamed FROM pg_attribute WHERE attrelid = ${quoteLiteral(table)}::regclass AND attname = ${quoteLiteral(after.name)} AND NOT attisdropped;`,
      }),
    };
  },
});

export const tablePossiblyRenamed = defineDatabaseRule({
  id: 'table-possibly-renamed',
  code: 'DB106',
  issueType: 'table_possibly_renamed',
  change: 'table.possibly_renamed',
  severity: 'potentially_breaking',
  title: 'Table possibly renamed',
  description: 'A table was dropped and one with the same columns added: if this is a rename, running the drop and the create loses every row.',
  safeAlternative: 'If it is a rename, say so with --rename old=new: the check then reports a rename (ALTER TABLE … RENAME keeps the data).',
  classify: ({ details: { before, after } }) => ({
    description: `Table '${before.key}' dropped and '${after.key}' added with the same columns: a rename? Pass --rename ${before.key}=${after.key} if so`,
    impact: 'Dropping and recreating instead of renaming loses the data',
    suggestedMigration: `If it is a rename: --rename ${before.key}=${after.key}, and ALTER TABLE … RENAME instead of DROP + CREATE`,
    affectedOperations: ALL,
  }),
});

export const columnPossiblyRenamed = defineDatabaseRule({
  id: 'column-possibly-renamed',
  code: 'DB107',
  issueType: 'column_possibly_renamed',
  change: 'column.possibly_renamed',
  severity: 'potentially_breaking',
  title: 'Column possibly renamed',
  description:
    "A column was dropped and one of the same type added to the same table: if this is a rename, running the drop and the add loses the column's data.",
  safeAlternative: 'If it is a rename, say so with --rename table.old=table.new: the check then reports a rename.',
  classify: ({ details: { tables, before, after } }) => ({
    description: `Column '${tables.after.key}.${before.name}' dropped and '${after.name}' added with the same type: a rename? Pass --rename ${tables.after.key}.${before.name}=${tables.after.key}.${after.name} if so`,
    impact: "Dropping and adding instead of renaming loses the column's data",
    suggestedMigration: `If it is a rename: --rename ${tables.after.key}.${before.name}=${tables.after.key}.${after.name}`,
    affectedOperations: ALL,
  }),
});
