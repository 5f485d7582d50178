import type { ColumnPairDetails } from '../schema/changes.js';
import { renderColumnType } from '../schema/column-type.js';
import type { DatabaseSchema, Index, Table } from '../schema/model.js';
import { objectIdentity } from '../schema/qualified-name.js';
import { batchedUpdate } from './batched-update.js';
import { renderDefault } from './column-definition.js';
import { alterTable } from './constraint-ddl.js';
import { defaultObjectName } from './constraint-names.js';
import { viewsUsingColumn } from './dependent-views.js';
import { referencedIdentifiers } from './expression.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';
import { createIndex } from './index-ddl.js';
import { columnExists, ifElseBlock } from './rollback-guards.js';

const PLAIN = /^[A-Za-z_][\w$]*$/;

/** Plain-column indexes that use the column: rebuilt on the new column before the switch. */
function indexesOn(table: Table, column: string): Index[] | null {
  const reads = (sql: string | null) => sql !== null && referencedIdentifiers(sql).includes(column);
  // An element reads the column also with an operator class, collation or order (`title text_pattern_ops`), not only as its bare name.
  const using = table.indexes.filter((i) => i.columns.some((c) => c === column || reads(c)) || (i.include ?? []).includes(column) || reads(i.predicate));
  // An expression, operator class or predicate on the column would need rewriting: not this form.
  return using.every((i) => i.columns.every((c) => PLAIN.test(c)) && !reads(i.predicate)) ? using : null;
}

/**
 * When a column can change type through a new column: the table has a primary key (not on this
 * column), and nothing but plain indexes uses the column (no key, foreign key, check, exclusion,
 * view, trigger column list, identity, serial or generated expression; the table is not
 * partitioned). Otherwise the ALTER runs in place, with its lock noted.
 */
export function swappable(schema: DatabaseSchema, details: ColumnPairDetails): boolean {
  const { tables, before } = details;
  const table = tables.before;
  const name = before.name;
  // The backfill walks the primary key, as pgroll requires one for its backfills: without one
  // (or for partitioned tables, identity, serial and generated columns) the ALTER runs in place.
  if (!table.primaryKey || table.partitionBy || table.partitionOf || before.identity || before.generated || details.after.identity || details.after.generated)
    return false;
  if (
    table.primaryKey?.columns.includes(name) ||
    table.uniques.some((u) => u.columns.includes(name)) ||
    table.foreignKeys.some((f) => f.columns.includes(name))
  )
    return false;
  if ((table.exclusions ?? []).length || table.checks.some((c) => referencedIdentifiers(c.expression).includes(name))) return false;
  const referenced = schema.tables.some((t) =>
    t.foreignKeys.some((f) => objectIdentity(f.references) === objectIdentity(table) && f.references.columns.includes(name)),
  );
  if (referenced || viewsUsingColumn(schema, table, name).length) return false;
  if ((schema.triggers ?? []).some((t) => t.table === table.key && t.columns.includes(name))) return false;
  return indexesOn(table, name) !== null;
}

/**
 * A rewriting type change without holding the table lock for the rewrite (pgroll's shape): add
 * the new column, keep it in sync with a trigger, backfill in batches, build its indexes
 * CONCURRENTLY, then switch in one short transaction (renames, default, NOT NULL through a
 * validated CHECK, indexes), keeping the old column as `<name>_old` until a later release drops it.
 * The rollback switches back while `<name>_old` exists, copying values written since, and converts
 * in place when it does not (the project's own migration ran); the contract step drops `<name>_old`.
 */
export function columnSwap(details: ColumnPairDetails): { statements: string[]; rollback: string[]; contract: { statements: string[]; rollback: string[] } } {
  const table = details.tables.after;
  const t = quoteQualifiedName(table.schema, table.name);
  const alter = alterTable(table);
  const name = details.after.name;
  const col = quoteIdentifier(name);
  const fresh = quoteIdentifier(defaultObjectName(name, [], 'new'));
  const old = quoteIdentifier(defaultObjectName(name, [], 'old'));
  const type = renderColumnType(details.after.type);
  const oldType = renderColumnType(details.before.type);
  const sync = defaultObjectName(table.name, [name], 'sync');
  const syncFn = quoteQualifiedName(table.schema, sync);
  const check = quoteIdentifier(defaultObjectName(table.name, [`${name}_new`], 'not_null'));
  const indexes = indexesOn(details.tables.before, details.before.name) ?? [];
  const staged = (i: Index) => defaultObjectName(i.name, [], 'new');
  const notNull = !details.after.nullable;
  const oldNotNull = !details.before.nullable;
  const swapIndex = (i: Index) => ({
    ...i,
    columns: i.columns.map((c) => (c === name ? defaultObjectName(name, [], 'new') : c)),
    include: i.include?.map((c) => (c === name ? defaultObjectName(name, [], 'new') : c)),
  });
  const statements = [
    `-- Expand: a ${type} column next to ${name}, kept in sync by a trigger while the old one is backfilled into it.`,
    `${alter} ADD COLUMN IF NOT EXISTS ${fresh} ${type};`,
    `CREATE OR REPLACE FUNCTION ${syncFn}() RETURNS trigger LANGUAGE plpgsql AS $sync$ BEGIN NEW.${fresh} := NEW.${col}; RETURN NEW; END $sync$;`,
    `CREATE TRIGGER ${quoteIdentifier(sync)} BEFORE INSERT OR UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${syncFn}();`,
    batchedUpdate(table, `${fresh} = ${col}::${type}`, `${fresh} IS DISTINCT FROM ${col}::${type}`),
    ...(notNull ? [`${alter} ADD CONSTRAINT ${check} CHECK (${fresh} IS NOT NULL) NOT VALID;`, `${alter} VALIDATE CONSTRAINT ${check};`] : []),
    ...indexes.map((i) => createIndex(table, swapIndex(i), { concurrently: true, name: staged(i) })),
    `-- Switch: one short transaction (renames and catalog changes only).`,
    'BEGIN;',
    `${alter} RENAME COLUMN ${col} TO ${old};`,
    `${alter} RENAME COLUMN ${fresh} TO ${col};`,
    `DROP TRIGGER ${quoteIdentifier(sync)} ON ${t};`,
    `DROP FUNCTION ${syncFn}();`,
    ...(details.before.default ? [`${alter} ALTER COLUMN ${old} DROP DEFAULT;`] : []),
    ...(details.after.default ? [`${alter} ALTER COLUMN ${col} SET DEFAULT ${renderDefault(details.after.default)};`] : []),
    ...(oldNotNull ? [`${alter} ALTER COLUMN ${old} DROP NOT NULL;`] : []),
    ...(notNull ? [`${alter} ALTER COLUMN ${col} SET NOT NULL;`, `${alter} DROP CONSTRAINT ${check};`] : []),
    ...indexes.flatMap((i) => [
      `DROP INDEX ${quoteQualifiedName(table.schema, i.name)};`,
      `ALTER INDEX ${quoteQualifiedName(table.schema, staged(i))} RENAME TO ${quoteIdentifier(i.name)};`,
    ]),
    'COMMIT;',
    `-- Contract: the contract step drops ${defaultObjectName(name, [], 'old')} in a later release, once nothing reads it.`,
  ];
  const oldName = defaultObjectName(name, [], 'old');
  const rollback = [
    // From any state: switched back while our <name>_old exists (values written since are copied back); after the
    // project's own in-place ALTER (no <name>_old), converted back in place.
    ifElseBlock(
      columnExists(table, oldName),
      [
        `-- ${oldName} exists (our forward script ran, the contract step did not): switch back, copying values written since.`,
        `${alter} RENAME COLUMN ${col} TO ${fresh};`,
        `${alter} RENAME COLUMN ${old} TO ${col};`,
        `UPDATE ${t} SET ${col} = ${fresh}::${oldType} WHERE ${col} IS DISTINCT FROM ${fresh}::${oldType};`,
        ...(details.after.default ? [`${alter} ALTER COLUMN ${fresh} DROP DEFAULT;`] : []),
        ...(details.before.default ? [`${alter} ALTER COLUMN ${col} SET DEFAULT ${renderDefault(details.before.default)};`] : []),
        ...(oldNotNull ? [`${alter} ALTER COLUMN ${col} SET NOT NULL;`] : []),
        ...indexes.map((i) => `DROP INDEX IF EXISTS ${quoteQualifiedName(table.schema, i.name)};`),
        `${alter} DROP COLUMN ${fresh};`,
      ],
      [
        `-- No ${oldName}: the column was changed in place; convert it back in place (rewrites the table under its lock; fails on values that do not fit ${oldType}).`,
        `${alter} ALTER COLUMN ${col} DROP DEFAULT;`,
        `${alter} ALTER COLUMN ${col} TYPE ${oldType} USING ${col}::${oldType};`,
        ...(details.before.default ? [`${alter} ALTER COLUMN ${col} SET DEFAULT ${renderDefault(details.before.default)};`] : []),
      ],
    ),
    // Built again on the old column after a switch back; already there (rebuilt by the ALTER) after an in-place one.
    ...indexes.map((i) => createIndex(table, i, { concurrently: true })),
  ];
  const contract = {
    statements: [`-- Later release, once no deployed client reads ${oldName}: the old values go.`, `${alter} DROP COLUMN IF EXISTS ${old};`],
    rollback: [
      `-- Brings ${oldName} back as the switch left it (nullable, no default); rolling back the type change then fills it from ${name}.`,
      `${alter} ADD COLUMN IF NOT EXISTS ${old} ${oldType};`,
    ],
  };
  return { statements, rollback, contract };
}
