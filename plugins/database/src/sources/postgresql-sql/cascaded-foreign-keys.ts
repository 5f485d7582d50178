import type { DatabaseSchema, Index, Table } from '../../schema/model.js';
import { sameObject } from '../../schema/qualified-name.js';

/**
 * A foreign key rests on the referenced table's primary key or a unique index over exactly its
 * referenced columns (in any order). `DROP INDEX … CASCADE`, `DROP CONSTRAINT … CASCADE` and
 * `DROP COLUMN … CASCADE` drop the foreign keys that rest on what they drop, in every table, as
 * PostgreSQL does; without CASCADE PostgreSQL refuses, so a file that loads has none left.
 */
function sameColumnSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c));
}

function dropWhere(model: DatabaseSchema, referenced: Table, rests: (columns: readonly string[]) => boolean): void {
  // `REFERENCES users` without columns is the primary key, as it stands before the drop.
  const primaryKey = referenced.primaryKey?.columns ?? [];
  for (const table of model.tables) {
    table.foreignKeys = table.foreignKeys.filter((fk) => {
      const columns = fk.references.columns.length > 0 ? fk.references.columns : primaryKey;
      return !(sameObject(fk.references, referenced) && rests(columns));
    });
  }
}

/** The foreign keys resting on a key over these columns of `referenced`. */
export function dropForeignKeysOnKey(model: DatabaseSchema, referenced: Table, columns: readonly string[]): void {
  dropWhere(model, referenced, (referencedColumns) => sameColumnSet(referencedColumns, columns));
}

/** The foreign keys resting on a unique index: only a plain, total one can carry a foreign key. */
export function dropForeignKeysOnIndex(model: DatabaseSchema, referenced: Table, index: Index): void {
  if (!index.unique || index.predicate !== null || (index.method !== null && index.method !== 'btree')) return;
  const names = new Set(referenced.columns.map((c) => c.name));
  // `id ASC` is the column `id`; an expression or another ordering is no key a foreign key can use.
  const columns = index.columns.map((element) => element.replace(/\s+ASC$/i, ''));
  if (!columns.every((c) => names.has(c))) return;
  dropForeignKeysOnKey(model, referenced, columns);
}

/** The foreign keys whose referenced columns include a dropped column. */
export function dropForeignKeysOnColumn(model: DatabaseSchema, referenced: Table, column: string): void {
  dropWhere(model, referenced, (referencedColumns) => referencedColumns.includes(column));
}

/** The foreign keys from other tables to a dropped table (`DROP TABLE … CASCADE`). */
export function dropForeignKeysTo(model: DatabaseSchema, referenced: Table): void {
  dropWhere(model, referenced, () => true);
}
