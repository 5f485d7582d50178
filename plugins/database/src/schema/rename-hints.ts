import { formatPath, UsageError, type RenameHint } from '@migration-architect/core';
import { change, type DatabaseChange } from './changes.js';
import type { DatabaseSchema, Table } from './model.js';
import { objectIdentity } from './qualified-name.js';
import { followColumnRename, followTableRename } from './renamed-canonical.js';

/** Renames the after schema itself records (ALTER … RENAME in an SQL file), as hints. */
export function declaredRenames(after: DatabaseSchema): RenameHint[] {
  return after.tables.flatMap((table) => [
    ...(table.renamedFrom ? [{ from: table.renamedFrom, to: table.key }] : []),
    ...table.columns.flatMap((c) => (c.renamedFrom ? [{ from: `${table.key}.${c.renamedFrom}`, to: `${table.key}.${c.name}` }] : [])),
  ]);
}

/** `users`, `billing.invoices` → the table of that model, if any. */
function findTable(model: DatabaseSchema, name: string): Table | undefined {
  const parts = name.split('.');
  const qualified = parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { schema: null, name };
  return model.tables.find((t) => objectIdentity(t) === objectIdentity(qualified));
}

/** `users.email` → table `users`, column `email`; `billing.invoices.total` too. */
function splitColumn(name: string): { table: string; column: string } | null {
  const at = name.lastIndexOf('.');
  return at <= 0 ? null : { table: name.slice(0, at), column: name.slice(at + 1) };
}

function renameTable(model: DatabaseSchema, table: Table, to: Table): void {
  const from = { schema: table.schema, name: table.name };
  const oldKey = table.key;
  Object.assign(table, { schema: to.schema, name: to.name, key: to.key });
  // As in PostgreSQL, triggers and partitions follow the table: a rename re-creates none of them.
  model.triggers = (model.triggers ?? []).map((t) => (t.table === oldKey ? { ...t, table: to.key, tableName: { schema: to.schema, name: to.name } } : t));
  for (const other of model.tables) {
    if (other.partitionOf && objectIdentity(other.partitionOf) === objectIdentity(from))
      other.partitionOf = { ...other.partitionOf, schema: to.schema, name: to.name };
  }
  for (const other of model.tables) {
    for (const fk of other.foreignKeys) {
      if (objectIdentity(fk.references) === objectIdentity(from)) fk.references = { ...fk.references, schema: to.schema, name: to.name };
    }
  }
  // Views follow the table too: one that only names it is unchanged, not replaced.
  followTableRename(model, from, to.name);
}

function renameColumn(model: DatabaseSchema, table: Table, from: string, to: string): void {
  const swap = (columns: string[]) => columns.map((c) => (c === from ? to : c));
  for (const column of table.columns) if (column.name === from) column.name = to;
  if (table.primaryKey) table.primaryKey = { ...table.primaryKey, columns: swap(table.primaryKey.columns) };
  table.uniques = table.uniques.map((u) => ({ ...u, columns: swap(u.columns) }));
  table.foreignKeys = table.foreignKeys.map((fk) => ({ ...fk, columns: swap(fk.columns) }));
  table.indexes = table.indexes.map((i) => ({ ...i, columns: swap(i.columns) }));
  followColumnRename(model, table, from, to);
}

export interface RenamedSchemas {
  /** The before schema with the declared renames applied, to diff against the after schema. */
  before: DatabaseSchema;
  changes: DatabaseChange[];
}

/**
 * Applies `--rename from=to` hints: the before object takes its new name (PostgreSQL's RENAME
 * carries constraints and indexes along), so the diff compares it with its successor instead of
 * reporting a drop and an add; each rename is reported once. A hint that names nothing on
 * either side is a usage error: a typo should not pass silently.
 */
export function applyRenameHints(
  before: DatabaseSchema,
  after: DatabaseSchema,
  hints: readonly RenameHint[],
  declared: readonly RenameHint[] = [],
): RenamedSchemas {
  if (hints.length === 0 && declared.length === 0) return { before, changes: [] };
  const renamed: DatabaseSchema = structuredClone(before);
  const changes: DatabaseChange[] = [];
  const seen = new Set<string>();
  const declaredSet = new Set(declared);
  for (const hint of [...hints, ...declared]) {
    // A rename both declared in the file and given with --rename is one rename.
    if (seen.has(`${hint.from}=${hint.to}`)) continue;
    seen.add(`${hint.from}=${hint.to}`);
    const oldTable = findTable(renamed, hint.from);
    const newTable = findTable(after, hint.to);
    const isDeclared = declaredSet.has(hint);
    // A rename the after file declares is history once the before schema has the new name too (a
    // database migrated past it): the tables pair by name. Until then it holds even when a new
    // table took the old name (`RENAME TO notes_legacy`, then a new `notes`).
    if (isDeclared && oldTable && newTable && findTable(renamed, hint.to)) continue;
    if (oldTable && newTable && (isDeclared || !findTable(after, hint.from))) {
      const original = findTable(before, hint.from)!;
      changes.push(
        change(
          'table.renamed',
          formatPath(['tables', newTable.key]),
          `${original.key} → ${newTable.key}`,
          { before: original.key, after: newTable.key },
          { before: original, after: newTable },
        ),
      );
      renameTable(renamed, oldTable, newTable);
      continue;
    }
    const from = splitColumn(hint.from);
    const to = splitColumn(hint.to);
    const table = from ? findTable(renamed, from.table) : undefined;
    const target = to ? findTable(after, to.table) : undefined;
    const oldColumn = table?.columns.find((c) => c.name === from?.column);
    const newColumn = target?.columns.find((c) => c.name === to?.column);
    if (!from || !to || !table || !target || !oldColumn || !newColumn || objectIdentity(table) !== objectIdentity(target)) {
      // A rename the after file declares on an object the before file lacks is no rename between them.
      if (isDeclared) continue;
      throw new UsageError(
        `--rename ${hint.from}=${hint.to} matches no table or column renamed between the two schemas (expected table=table or table.column=table.column)`,
      );
    }
    // The same for a column (`RENAME pk TO pk_deprecated` then a new `pk`, read against a
    // database migrated past it): each column pairs by name, as it stands.
    if (isDeclared && table.columns.some((c) => c.name === to.column)) continue;
    const originalTable = findTable(before, from.table)!;
    const original = originalTable.columns.find((c) => c.name === from.column)!;
    changes.push(
      change(
        'column.renamed',
        formatPath(['tables', target.key, 'columns', newColumn.name]),
        `${target.key}.${original.name} → ${newColumn.name}`,
        { before: original.name, after: newColumn.name },
        { tables: { before: originalTable, after: target }, before: original, after: newColumn },
      ),
    );
    renameColumn(renamed, table, from.column, to.column);
  }
  return { before: renamed, changes };
}
