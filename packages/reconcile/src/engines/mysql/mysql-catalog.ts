import { mysqlFamily } from '../../schema/column-family.js';
import type { ColumnShape, TableShape } from '../../schema/table-shape.js';
import { quoteMysqlIdent } from './mysql-expressions.js';

export type CatalogQuery = (sql: string, params?: unknown[]) => Promise<unknown[][]>;

/** Base tables of the connection's database. */
export async function listMysqlTables(query: CatalogQuery): Promise<string[]> {
  const rows = await query(
    "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
  );
  return rows.map(([name]) => String(name));
}

/** Columns, keys, indexes, foreign keys and triggers of one table of the connection's database (`public.t` and `db.t` mean t). */
export async function describeMysqlTable(query: CatalogQuery, requested: string): Promise<TableShape | null> {
  const found = await query(
    'SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND (TABLE_NAME = ? OR TABLE_NAME = ?) ORDER BY TABLE_NAME = ? DESC LIMIT 1',
    [requested, requested.slice(requested.lastIndexOf('.') + 1), requested],
  );
  if (found.length === 0) return null;
  const name = String(found[0]![0]);
  const columnRows = await query(
    `SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLLATION_NAME, EXTRA FROM information_schema.COLUMNS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
    [name],
  );
  const columns: ColumnShape[] = columnRows.map(([column, type, nullable, collation, extra]) => ({
    name: String(column),
    declaredType: String(type),
    ...mysqlFamily(String(type)),
    nativeHash: false,
    collation: collation === null ? null : String(collation),
    nullable: String(nullable) === 'YES',
    generated: /GENERATED/i.test(String(extra ?? '')),
  }));
  const indexRows = await query(
    `SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME IS NOT NULL ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
    [name],
  );
  const byIndex = new Map<string, { unique: boolean; columns: string[] }>();
  for (const [index, nonUnique, column] of indexRows) {
    const entry = byIndex.get(String(index)) ?? { unique: Number(nonUnique) === 0, columns: [] };
    entry.columns.push(String(column));
    byIndex.set(String(index), entry);
  }
  const primary = byIndex.get('PRIMARY');
  const references = await query(
    `SELECT DISTINCT REFERENCED_TABLE_NAME FROM information_schema.KEY_COLUMN_USAGE
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL AND REFERENCED_TABLE_NAME <> ?`,
    [name, name],
  );
  const triggers = await query(
    'SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = ? ORDER BY 1',
    [name],
  );
  return {
    sqlName: quoteMysqlIdent(name),
    name,
    columns,
    primaryKey: primary ? primary.columns : null,
    uniqueKeys: [...byIndex.values()].filter((i) => i.unique).map((i) => i.columns),
    indexes: [...byIndex.values()].map((i) => i.columns),
    references: references.map(([t]) => quoteMysqlIdent(String(t))),
    triggers: triggers.map(([t]) => String(t)),
  };
}
