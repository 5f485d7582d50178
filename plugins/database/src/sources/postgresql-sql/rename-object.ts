import type { RenameStmt } from 'libpg-query';
import type { Column, Table } from '../../schema/model.js';
import { objectIdentity, objectKey } from '../../schema/qualified-name.js';
import { checkName, defaultObjectName, foreignKeyName, primaryKeyName, uniqueConstraintName } from '../../sql/constraint-names.js';
import { followColumnRename, followTableRename } from '../../schema/renamed-canonical.js';
import { nodeAs, qualifiedNameOf, rangeVarName, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';

/**
 * PostgreSQL names a serial's sequence once, `<table>_<column>_seq`, and leaves it that name when
 * the table or column is renamed: the implicit sequences are made explicit under their names now,
 * before the rename, so the model does not name them anew from the new names.
 */
function keepSerialSequences(builder: SchemaBuilder, table: Table, columns: readonly Column[]): void {
  for (const column of columns) {
    if (column.identity !== 'serial' || column.default !== null) continue;
    if (builder.model.sequences.some((q) => q.ownedBy?.table === table.key && q.ownedBy.column === column.name)) continue;
    const name = defaultObjectName(table.name, [column.name], 'seq');
    builder.model.sequences.push({
      schema: table.schema,
      name,
      key: objectKey(table.schema, name),
      dataType: column.type.name,
      ownedBy: { table: table.key, column: column.name },
      ...(table.line !== undefined ? { line: table.line } : {}),
    });
  }
  builder.invalidate();
}

/**
 * The same for the names PostgreSQL gave the table's unnamed primary key, UNIQUEs, foreign keys and
 * CHECKs (`versions_pkey` and `versions_item_type_key` stay on `versions_legacy`, and on a renamed
 * column): a script that renames or drops them by name needs the name the catalog has.
 */
function keepGivenConstraintNames(builder: SchemaBuilder, table: Table): void {
  const checks = table.checks.map((check) => checkName(table, check));
  if (table.primaryKey && table.primaryKey.name === null) table.primaryKey.name = primaryKeyName(table);
  // The name chosen when the UNIQUE was made (`…_key1` when taken), else the one it would have had.
  for (const unique of table.uniques) unique.name ??= builder.generatedNames.get(unique) ?? uniqueConstraintName(table, unique);
  for (const fk of table.foreignKeys) fk.name ??= foreignKeyName(table, fk);
  table.checks.forEach((check, i) => {
    check.name ??= checks[i]!;
  });
}

/**
 * ALTER TABLE … RENAME [COLUMN] in a DDL file: the object takes its new name and remembers the
 * old one, so the diff reports a rename (a migration file that says RENAME means it).
 */
export function renameObject(builder: SchemaBuilder, statement: RenameStmt): void {
  if (statement.renameType === 'OBJECT_INDEX') return renameIndex(builder, statement);
  if (statement.renameType === 'OBJECT_TYPE' || statement.renameType === 'OBJECT_DOMAIN') return renameType(builder, statement);
  if (statement.renameType === 'OBJECT_DOMCONSTRAINT') return renameDomainConstraint(builder, statement);
  const table = builder.table(rangeVarName(statement.relation));
  if (!table || !statement.newname) return;
  if (statement.renameType === 'OBJECT_TABLE') {
    const oldKey = table.key;
    const oldIdentity = objectIdentity(table);
    const oldName = { schema: table.schema, name: table.name };
    keepSerialSequences(builder, table, table.columns);
    keepGivenConstraintNames(builder, table);
    table.renamedFrom ??= oldKey;
    table.name = statement.newname;
    table.key = builder.key(table);
    for (const sequence of builder.model.sequences) if (sequence.ownedBy?.table === oldKey) sequence.ownedBy.table = table.key;
    // As in PostgreSQL, what pointed at the table follows it.
    for (const other of builder.model.tables) {
      for (const fk of other.foreignKeys) if (objectIdentity(fk.references) === oldIdentity) fk.references.name = table.name;
    }
    for (const trigger of builder.model.triggers) if (trigger.table === oldKey) trigger.table = table.key;
    followTableRename(builder.model, oldName, table.name);
    builder.invalidate();
  } else if (statement.renameType === 'OBJECT_COLUMN') {
    const column = table.columns.find((c) => c.name === statement.subname);
    if (!column) return;
    keepSerialSequences(builder, table, [column]);
    keepGivenConstraintNames(builder, table);
    for (const sequence of builder.model.sequences)
      if (sequence.ownedBy?.table === table.key && sequence.ownedBy.column === column.name) sequence.ownedBy.column = statement.newname;
    column.renamedFrom ??= column.name;
    const swap = (names: string[]) => names.map((n) => (n === column.name ? statement.newname! : n));
    if (table.primaryKey) table.primaryKey.columns = swap(table.primaryKey.columns);
    for (const unique of table.uniques) unique.columns = swap(unique.columns);
    for (const fk of table.foreignKeys) fk.columns = swap(fk.columns);
    for (const index of table.indexes) index.columns = swap(index.columns);
    column.name = statement.newname;
    followColumnRename(builder.model, table, statement.subname!, statement.newname);
  }
}

/** ALTER INDEX … RENAME TO: the index is found by its name in its schema (an index lives in its table's schema). */
function renameIndex(builder: SchemaBuilder, statement: RenameStmt): void {
  const name = rangeVarName(statement.relation);
  for (const table of builder.model.tables) {
    if (objectIdentity({ schema: table.schema, name: name.name }) !== objectIdentity(name)) continue;
    const index = table.indexes.find((i) => i.name === name.name);
    if (index && statement.newname) {
      index.name = statement.newname;
      return;
    }
  }
}

/**
 * ALTER TYPE / ALTER DOMAIN … RENAME TO: the enum or domain takes its new name, and, as in
 * PostgreSQL (which refers to types by oid), the columns and domains of that type follow it.
 */
function renameType(builder: SchemaBuilder, statement: RenameStmt): void {
  const name = qualifiedNameOf(stringsOf(nodeAs(statement.object, 'List')?.items));
  const identity = objectIdentity(name);
  const type = [...builder.model.enums, ...(builder.model.domains ?? [])].find((t) => objectIdentity(t) === identity);
  if (!type || !statement.newname) return;
  // Column types are spelled as the key (parseColumnType keeps a quoted name's case, as the key does).
  const oldName = type.key;
  type.name = statement.newname;
  type.key = builder.key(type);
  const newName = type.key;
  for (const table of builder.model.tables) for (const column of table.columns) if (column.type.name === oldName) column.type.name = newName;
  for (const domain of builder.model.domains ?? []) if (domain.type.name === oldName) domain.type.name = newName;
  builder.invalidate();
}

/** ALTER DOMAIN … RENAME CONSTRAINT a TO b. */
function renameDomainConstraint(builder: SchemaBuilder, statement: RenameStmt): void {
  const identity = objectIdentity(qualifiedNameOf(stringsOf(nodeAs(statement.object, 'List')?.items)));
  const domain = (builder.model.domains ?? []).find((d) => objectIdentity(d) === identity);
  const check = domain?.checks.find((c) => c.name === statement.subname);
  if (check && statement.newname) check.name = statement.newname;
}
