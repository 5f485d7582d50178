import type { Database } from 'better-sqlite3';
import { sqliteFamily } from '../../schema/column-family.js';
import type { ColumnShape, TableShape } from '../../schema/table-shape.js';

export function quoteSqliteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function listSqliteTables(db: Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").raw().all() as [string][]
  ).map(([name]) => String(name));
}

interface IndexInfo {
  name: string;
  unique: boolean;
  origin: string;
  columns: string[];
  collations: (string | null)[];
}

function indexesOf(db: Database, table: string): IndexInfo[] {
  const list = db.prepare('SELECT name, "unique", origin, partial FROM pragma_index_list(?)').raw().all(table) as [
    string,
    bigint | number,
    string,
    bigint | number,
  ][];
  const out: IndexInfo[] = [];
  for (const [name, unique, origin, partial] of list) {
    if (Number(partial)) continue;
    const columns = db.prepare('SELECT cid, name, coll, key FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno').raw().all(name) as [
      bigint | number,
      string | null,
      string,
      bigint | number,
    ][];
    // An expression index (cid -2) serves no plain column range.
    if (columns.some(([cid]) => Number(cid) === -2)) continue;
    out.push({
      name: String(name),
      unique: Boolean(Number(unique)),
      origin: String(origin),
      columns: columns.map(([, column]) => String(column)),
      collations: columns.map(([, , coll]) => (String(coll).toUpperCase() === 'BINARY' ? null : String(coll))),
    });
  }
  return out;
}

/** Columns, primary key, unique keys and indexes of a table; its name matched as SQLite does (any case). */
export function describeSqliteTable(db: Database, requested: string): TableShape | null {
  const row = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE").raw().get(requested) as
    | [string, string | null]
    | undefined;
  if (!row) return null;
  const name = String(row[0]);
  const info = db.prepare('SELECT name, type, "notnull", pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid').raw().all(name) as [
    string,
    string,
    bigint | number,
    bigint | number,
    bigint | number,
  ][];
  const indexes = indexesOf(db, name);
  const collationOf = new Map<string, string>();
  for (const index of indexes)
    index.columns.forEach((column, i) => index.collations[i] && !collationOf.has(column) && collationOf.set(column, index.collations[i]!));
  const pkColumns = info.filter(([, , , pkIndex]) => Number(pkIndex) > 0);
  const rowidAlias = pkColumns.length === 1 && String(pkColumns[0]![1]).toUpperCase() === 'INTEGER' && !/WITHOUT\s+ROWID/i.test(String(row[1] ?? ''));
  const columns: ColumnShape[] = info
    .filter(([, , , , hidden]) => Number(hidden) === 0 || Number(hidden) === 2 || Number(hidden) === 3)
    .map(([column, type, notnull, pkIndex, hidden]) => ({
      name: String(column),
      declaredType: String(type ?? ''),
      ...sqliteFamily(String(type ?? '')),
      nativeHash: true,
      collation: collationOf.get(String(column)) ?? null,
      nullable: !Number(notnull) && !(rowidAlias && Number(pkIndex) > 0),
      // hidden 2 and 3: generated columns (virtual, stored).
      generated: Number(hidden) === 2 || Number(hidden) === 3,
    }));
  const pk = info
    .filter(([, , , pkIndex]) => Number(pkIndex) > 0)
    .sort((a, b) => Number(a[3]) - Number(b[3]))
    .map(([column]) => String(column));
  const primaryKey = pk.length ? pk : null;
  const uniqueKeys = indexes.filter((i) => i.unique).map((i) => i.columns);
  if (primaryKey && !uniqueKeys.some((u) => u.length === primaryKey.length && u.every((c, i) => c === primaryKey[i]))) uniqueKeys.push(primaryKey);
  const references = (db.prepare('SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)').raw().all(name) as [string][])
    .map(([parent]) => String(parent))
    .filter((parent) => parent.toLowerCase() !== name.toLowerCase())
    .map(quoteSqliteIdent);
  const triggers = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? COLLATE NOCASE ORDER BY name").raw().all(name) as [string][]
  ).map(([trigger]) => String(trigger));
  return { sqlName: quoteSqliteIdent(name), name, columns, primaryKey, uniqueKeys, indexes: indexes.map((i) => i.columns), references, triggers };
}
