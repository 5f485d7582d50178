import { isVolatileDefault } from '../schema/default-value.js';
import { renderColumnType } from '../schema/column-type.js';
import type { Column, Table } from '../schema/model.js';
import { batchedUpdate } from '../sql/batched-update.js';
import { columnQuery, tableExistsQuery } from '../sql/catalog-queries.js';
import { columnDefinition, onUpdateTrigger, renderDefault } from '../sql/column-definition.js';
import { alterTable, columnList, setNotNull } from '../sql/constraint-ddl.js';
import { defaultObjectName, primaryKeyName } from '../sql/constraint-names.js';
import { quoteIdentifier, quoteQualifiedName } from '../sql/identifier.js';
import { quoteLiteral } from '../sql/literal.js';
import { ifElseBlock, noticeBlock, raiseNotice, relationExists } from '../sql/rollback-guards.js';
import { aroundCompatibilityView } from '../sql/compatibility-view.js';
import { defineDatabaseRule } from './database-rule.js';
import { compatibilityViewOf } from './declared-renames.js';
import { addColumnDescription, sqlScript } from './migration-script.js';

// Every row gets a value from PostgreSQL: an identity or serial number, or a stored generated column's
// expression, so NOT NULL without a default breaks no INSERT and needs no backfill.
const isGenerated = (column: Column) => column.identity !== null || Boolean(column.generated);

function dropColumn(table: Table, column: Column): string {
  return `${alterTable(table)} DROP COLUMN IF EXISTS ${quoteIdentifier(column.name)};`;
}

export const columnRemoved = defineDatabaseRule({
  id: 'column-removed',
  code: 'DB103',
  issueType: 'column_removed',
  change: 'column.removed',
  severity: 'breaking',
  title: 'Column removed',
  description:
    'Queries that name the column fail ("column does not exist"), INSERTs that set it fail, SELECT * returns one column fewer, and the values are deleted with it.',
  safeAlternative:
    'Expand/contract: deploy code that no longer reads or writes the column (tell the ORM to ignore it), keep a copy of its values, then drop it in a later release.',
  classify: ({ details: { tables, column } }, context) => {
    const table = tables.before;
    // On a table renamed in the same change, the rename's compatibility view selects the column too.
    const view = compatibilityViewOf(context, tables.after);
    const aroundView = (statements: string[]) => (view ? [aroundCompatibilityView(view.view, tables.after, view.columns, statements)] : statements);
    const name = quoteQualifiedName(table.schema, table.name);
    const col = quoteIdentifier(column.name);
    const backup = quoteQualifiedName(table.schema, defaultObjectName(table.name, [column.name], 'backup'));
    const key = table.primaryKey?.columns;
    // A key column cannot find its own row again once dropped, and a table without a key has
    // nothing to match on: their rows are matched by where they lie (partition and ctid), so rows
    // updated since the drop keep NULL, and a NOT NULL restore stops the rollback rather than hide it.
    const inKey = key?.includes(column.name) ?? false;
    const byPosition = inKey || !key;
    // Kept as text: a copy in the column's own type would hold on to that type (an enum dropped in
    // the same change could not be).
    const kept = `${col}::text AS ${col}`;
    const backupColumns = byPosition ? `tableoid AS source_table, ctid AS source_row, ${kept}` : `${columnList(key!)}, ${kept}`;
    const match = byPosition
      ? 'b.source_table = t.tableoid AND b.source_row = t.ctid'
      : key!.map((k) => `b.${quoteIdentifier(k)} = t.${quoteIdentifier(k)}`).join(' AND ');
    // Dropping a key column drops the key with it: the script that replaces or drops the key runs
    // first, so a rollback never meets a key that went away as a side effect.
    const keyScript = !inKey
      ? []
      : tables.after.primaryKey
        ? [`Replace primary key of table ${tables.after.key}`]
        : [`Drop primary key ${primaryKeyName(table)} of table ${tables.after.key}`];
    const dependents = [
      ...table.indexes.filter((i) => i.columns.includes(column.name)).map((i) => `index ${i.name}`),
      ...table.uniques.filter((u) => u.columns.includes(column.name)).map((u) => `unique (${u.columns.join(', ')})`),
      ...table.foreignKeys.filter((fk) => fk.columns.includes(column.name)).map((fk) => `foreign key to ${fk.references.name}`),
    ];
    // A serial column comes back serial (its sequence was dropped with it); an identity comes back plain, since restored values cannot be written into GENERATED ALWAYS.
    const restored: Column = { ...column, nullable: true, identity: column.identity === 'serial' ? 'serial' : null };
    const backupTable = { schema: table.schema, name: defaultObjectName(table.name, [column.name], 'backup') };
    // Update triggers the table has on both sides (one the change drops or adds may not be there when the rollback runs).
    const updateTriggers = context.before.triggers
      .filter((t) => t.table === table.key && t.events.includes('update'))
      .filter((t) => context.after.triggers.some((a) => a.name === t.name && a.table === tables.after.key))
      .map((t) => t.name);
    const lost = `${table.key}.${column.name}: no ${backupTable.name} table (the column was dropped by another script, or the contract step ran), so its values cannot come back from here; the column is restored ${column.default ? 'with its default' : 'empty'} (restore the values from the dump taken before the change)`;
    return {
      description: `Column '${column.name}' removed from table '${table.key}'`,
      impact: `SELECT statements including this column will fail and its values are lost${dependents.length ? `; dropping it also drops ${dependents.join(', ')}` : ''}`,
      suggestedMigration: 'Stop reading and writing the column in every client, keep a copy of its values, then drop it in a later release',
      affectedOperations: ['SELECT', 'INSERT', 'UPDATE'],
      script: sqlScript({
        description: `Drop column ${column.name} from table ${table.key}`,
        statements: [
          `-- Keep the values so the drop can be undone; the contract step drops the copy in a later release.`,
          `CREATE TABLE ${backup} AS SELECT ${backupColumns} FROM ${name};`,
          // Views stopped using the column in an earlier script: the diff orders view changes before drops.
          ...aroundView([`${alterTable(table)} DROP COLUMN ${col};`]),
        ],
        // From any state: our backup restores the values when it exists; without it, the structure comes back and a notice says what did not.
        rollback: [
          ...aroundView([`${alterTable(table)} ADD COLUMN IF NOT EXISTS ${columnDefinition(restored)};`]),
          // A stored generated column computes its values again as it is added: nothing to restore (nor may it be written).
          ...(column.generated
            ? []
            : [
                ifElseBlock(
                  relationExists(backupTable),
                  [
                    // Putting old values back is not a write: the table's update triggers (a touch_updated_at, an audit) stay out of it,
                    // or they change other columns, and an exclusion or unique constraint over those can refuse the restore.
                    ...updateTriggers.map((t) => `ALTER TABLE ${name} DISABLE TRIGGER ${quoteIdentifier(t)};`),
                    `UPDATE ${name} AS t SET ${col} = b.${col}::${renderColumnType(column.type)} FROM ${backup} AS b WHERE ${match};`,
                    ...updateTriggers.map((t) => `ALTER TABLE ${name} ENABLE TRIGGER ${quoteIdentifier(t)};`),
                  ],
                  [raiseNotice(lost)],
                ),
              ]),
          ...(column.identity === 'serial'
            ? [`SELECT setval(pg_get_serial_sequence(${quoteLiteral(name)}, ${quoteLiteral(column.name)}), coalesce(max(${col}), 0) + 1, false) FROM ${name};`]
            : []),
          ...(column.nullable
            ? []
            : ['-- Fails while rows have no value (no backup, no default): restore them from the dump first.', ...setNotNull(table, column.name)]),
          ...(column.comment ? [`COMMENT ON COLUMN ${name}.${col} IS ${quoteLiteral(column.comment)};`] : []),
          `DROP TABLE IF EXISTS ${backup};`,
        ],
        validation: columnQuery(table, column.name).replace(/;$/, ' -- expect no row;'),
        dependencies: keyScript,
      }),
      contractScript: sqlScript({
        description: `Contract: drop the kept values of ${table.key}.${column.name}`,
        statements: [
          `-- Later release, once the drop of ${table.key}.${column.name} will not be rolled back: the copy of its values goes.`,
          `DROP TABLE IF EXISTS ${backup};`,
        ],
        rollback: [noticeBlock(`${backupTable.name} was dropped by the contract step: the values of ${table.key}.${column.name} come back only from a dump`)],
        validation: tableExistsQuery(backupTable).replace(' AS table_exists;', ' AS still_kept;'),
        dependencies: [`Drop column ${column.name} from table ${table.key}`],
        lockTimeout: false,
      }),
    };
  },
});

export const requiredColumnAdded = defineDatabaseRule({
  id: 'required-column-added',
  code: 'DB201',
  issueType: 'required_column_added',
  change: 'column.added',
  severity: 'breaking',
  title: 'Required column added',
  description:
    'A NOT NULL column without a default: every INSERT that does not set it fails with a NOT NULL violation, which is every INSERT running code sends, and on a table with rows the ALTER itself fails because existing rows have no value.',
  safeAlternative:
    'Add it nullable (or with a constant default), backfill in batches, deploy code that always writes it, then add NOT NULL through a validated CHECK (col IS NOT NULL) constraint.',
  when: ({ details: { column } }) => !column.nullable && column.default === null && !isGenerated(column),
  classify: ({ details: { tables, column } }) => {
    const table = tables.after;
    const col = quoteIdentifier(column.name);
    return {
      description: `Required column '${column.name}' added to table '${table.key}'`,
      impact: 'INSERT statements without this column will fail; on a table with rows, ADD COLUMN … NOT NULL without a default fails outright',
      suggestedMigration:
        'Add the column nullable or with a default, backfill existing rows in batches, then enforce NOT NULL with a validated CHECK constraint',
      affectedOperations: ['INSERT'],
      script: sqlScript({
        description: addColumnDescription(table.key, column.name),
        statements: [
          `${alterTable(table)} ADD COLUMN ${columnDefinition({ ...column, nullable: true })};`,
          `-- Replace {backfill_value} with the value existing rows should get.`,
          batchedUpdate(table, `${col} = {backfill_value}`, `${col} IS NULL`),
          ...setNotNull(table, column.name),
        ],
        rollback: [dropColumn(table, column)],
        validation: `SELECT count(*) AS rows_missing_value FROM ${quoteQualifiedName(table.schema, table.name)} WHERE ${col} IS NULL;`,
      }),
    };
  },
});

export const columnAddedWithTableRewrite = defineDatabaseRule({
  id: 'column-added-with-table-rewrite',
  code: 'DB301',
  issueType: 'column_added_with_table_rewrite',
  change: 'column.added',
  severity: 'potentially_breaking',
  title: 'Column added with a per-row value (table rewrite)',
  description:
    'ADD COLUMN with a volatile default (random(), clock_timestamp(), gen_random_uuid(), nextval()), as an identity / serial column, or as a stored generated column computes a value for every existing row: PostgreSQL rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, and every read and write waits until it finishes.',
  safeAlternative:
    'Add the column without a default, set the default for new rows with ALTER COLUMN … SET DEFAULT (catalog only), backfill existing rows in batches, then add NOT NULL / the identity.',
  when: ({ details: { column } }) => isVolatileDefault(column.default) || isGenerated(column),
  classify: ({ details: { tables, column } }) => {
    const table = tables.after;
    // A stored generated column is computed for every row as it is added: no form of ADD COLUMN avoids the rewrite.
    if (column.generated) return storedGeneratedColumnAdded(table, column);
    const name = quoteQualifiedName(table.schema, table.name);
    const col = quoteIdentifier(column.name);
    const plain: Column = { ...column, nullable: true, default: null, identity: null, onUpdate: null };
    // Number existing rows from a sequence of our own: an identity creates its own <table>_<column>_seq.
    const sequence = column.identity
      ? quoteQualifiedName(table.schema, defaultObjectName(table.name, [column.name], column.identity === 'serial' ? 'seq' : 'backfill_seq'))
      : null;
    const perRow = sequence ? `nextval(${quoteLiteral(sequence)})` : renderDefault(column.default!);
    const statements = [
      `${alterTable(table)} ADD COLUMN ${columnDefinition(plain)};`,
      ...(sequence ? [`CREATE SEQUENCE IF NOT EXISTS ${sequence} OWNED BY ${name}.${col};`] : []),
      `${alterTable(table)} ALTER COLUMN ${col} SET DEFAULT ${perRow};`,
      batchedUpdate(table, `${col} = ${perRow}`, `${col} IS NULL`),
      ...(column.nullable ? [] : setNotNull(table, column.name)),
    ];
    if (sequence && (column.identity === 'always' || column.identity === 'by_default')) {
      statements.push(
        'BEGIN;',
        `${alterTable(table)} ALTER COLUMN ${col} DROP DEFAULT;`,
        `${alterTable(table)} ALTER COLUMN ${col} ADD GENERATED ${column.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY;`,
        `SELECT setval(pg_get_serial_sequence(${quoteLiteral(name)}, ${quoteLiteral(column.name)}), coalesce(max(${col}), 0) + 1, false) FROM ${name};`,
        'COMMIT;',
        `DROP SEQUENCE ${sequence};`,
      );
    }
    const rollback = [dropColumn(table, column), ...(sequence ? [`DROP SEQUENCE IF EXISTS ${sequence};`] : [])];
    return {
      description: `Column '${column.name}' added to table '${table.key}' with a value computed per row`,
      impact: `Adding it in one statement rewrites ${table.key} and its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite`,
      suggestedMigration: 'Add the column without a default, set the default for new rows, backfill existing rows in batches, then add constraints',
      affectedOperations: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
      script: sqlScript({
        description: addColumnDescription(table.key, column.name),
        statements,
        rollback,
        validation: `SELECT count(*) AS rows_missing_value FROM ${name} WHERE ${col} IS NULL;`,
      }),
    };
  },
});

/** ADD COLUMN … GENERATED ALWAYS AS (…) STORED: the rewrite is the only way in; the finding says how long it locks. */
function storedGeneratedColumnAdded(table: Table, column: Column) {
  return {
    description: `Stored generated column '${column.name}' added to table '${table.key}': its value is computed for every row`,
    impact: `Adding it rewrites ${table.key} and its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite`,
    suggestedMigration:
      'Run it in a maintenance window, or add a plain column kept by a trigger, backfill it in batches, and switch to the generated column later',
    affectedOperations: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    script: sqlScript({
      description: addColumnDescription(table.key, column.name),
      statements: [
        '-- Rewrites the table under ACCESS EXCLUSIVE (the value of every row is computed): run it when the table can wait.',
        `${alterTable(table)} ADD COLUMN ${columnDefinition(column)};`,
      ],
      rollback: [dropColumn(table, column)],
      validation: columnQuery(table, column.name),
    }),
  };
}

export const columnAdded = defineDatabaseRule({
  id: 'column-added',
  code: 'DB402',
  issueType: 'column_added',
  change: 'column.added',
  severity: 'additive',
  title: 'Column added',
  description:
    'A nullable column, or one with a constant default, is invisible to queries and INSERTs that do not name it. Since PostgreSQL 11 a constant default is kept in the catalog, so the ALTER does not rewrite the table.',
  safeAlternative: 'Add it before deploying code that uses it; clients that map SELECT * by position should name their columns.',
  classify: ({ details: { tables, column } }) => {
    const table = tables.after;
    const trigger = onUpdateTrigger(table, column);
    return {
      description: `Column '${column.name}' added to table '${table.key}'`,
      impact: `None for existing clients; the ALTER only changes the catalog under a brief ACCESS EXCLUSIVE lock${trigger ? ', and a trigger maintains its ON UPDATE value' : ''}`,
      suggestedMigration: 'Add the column, then deploy the code that writes it',
      affectedOperations: [],
      script: sqlScript({
        description: addColumnDescription(table.key, column.name),
        statements: [
          `${alterTable(table)} ADD COLUMN ${columnDefinition(column)};`,
          ...(column.comment
            ? [`COMMENT ON COLUMN ${quoteQualifiedName(table.schema, table.name)}.${quoteIdentifier(column.name)} IS ${quoteLiteral(column.comment)};`]
            : []),
          ...(trigger ? [trigger.create] : []),
        ],
        rollback: [...(trigger ? [trigger.dropTrigger, trigger.dropFunction] : []), dropColumn(table, column)],
        validation: columnQuery(table, column.name),
      }),
    };
  },
});
