import type { Database, SqlValue } from 'sql.js';
import { parseColumnType } from '../../schema/column-type.js';
import { parseDefault } from '../../schema/default-value.js';
import {
  emptyDatabaseSchema,
  type Column,
  type DatabaseSchema,
  type ForeignKey,
  type Index,
  type ReferentialAction,
  type Table,
  type UniqueConstraint,
  type View,
} from '../../schema/model.js';
import { scanCreateIndex, scanCreateTable, scanCreateView } from './sqlite-ddl-scanner.js';

type Row = Record<string, SqlValue>;

function rows(db: Database, sql: string, params: SqlValue[] = []): Row[] {
  const statement = db.prepare(sql, params);
  try {
    const out: Row[] = [];
    while (statement.step()) out.push(statement.getAsObject() as Row);
    return out;
  } finally {
    statement.free();
  }
}

const text = (value: SqlValue | undefined): string => (value === null || value === undefined ? '' : String(value));

interface SchemaEntry {
  type: string;
  name: string;
  table: string;
  sql: string;
}

const ACTIONS = new Set<string>(['RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT']);

/** `(datetime('now'))` → `datetime('now')`: SQLite keeps the parentheses an expression default needs. */
function unwrapDefault(sql: string): string {
  let out = sql.trim();
  while (out.startsWith('(') && out.endsWith(')') && balanced(out.slice(1, -1))) out = out.slice(1, -1).trim();
  return out;
}

function balanced(sql: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function readColumns(db: Database, entry: SchemaEntry, autoincrement: readonly string[]): { columns: Column[]; primaryKey: string[] } {
  const info = rows(db, 'SELECT name, type, "notnull" AS not_null, dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid', [entry.name])
    // hidden = 1: a virtual table's hidden column, not part of the table as users see it.
    .filter((row) => row['hidden'] !== 1);
  const primaryKey = info
    .filter((row) => Number(row['pk']) > 0)
    .sort((a, b) => Number(a['pk']) - Number(b['pk']))
    .map((row) => text(row['name']));
  const columns = info.map((row): Column => {
    const name = text(row['name']);
    // No declared type means BLOB affinity in SQLite.
    const { type } = parseColumnType(text(row['type']) || 'blob');
    const identity = autoincrement.includes(name) ? 'by_default' : null;
    const generated = Number(row['hidden']) >= 2;
    const raw = row['dflt_value'] === null || generated ? null : unwrapDefault(text(row['dflt_value']));
    const parsed = parseDefault(raw === null || /^null$/i.test(raw) ? null : raw, type);
    return {
      name,
      type,
      // As the JSON loader does: primary-key and identity columns are NOT NULL.
      nullable: primaryKey.includes(name) || identity !== null ? false : row['not_null'] === 0,
      default: parsed.default,
      onUpdate: null,
      identity,
      comment: null,
    };
  });
  return { columns, primaryKey };
}

function indexColumns(db: Database, index: string, sql: string | null): string[] {
  const terms = sql ? scanCreateIndex(sql).terms : [];
  return rows(db, 'SELECT cid, name, "desc" AS descending FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno', [index]).map((row, i) => {
    // cid -2 is an expression: pragmas do not print it, the CREATE INDEX text does.
    if (Number(row['cid']) === -2) return (terms[i] ?? '').replace(/\s+ASC$/i, '');
    return `${text(row['name'])}${row['descending'] === 1 ? ' DESC' : ''}`;
  });
}

function readIndexes(db: Database, table: string, sqlByIndex: ReadonlyMap<string, string>): { uniques: UniqueConstraint[]; indexes: Index[] } {
  const uniques: UniqueConstraint[] = [];
  const indexes: Index[] = [];
  const list = rows(db, 'SELECT name, "unique" AS is_unique, origin, partial FROM pragma_index_list(?) ORDER BY name', [table]);
  for (const row of list) {
    const name = text(row['name']);
    const origin = text(row['origin']);
    if (origin === 'pk') continue;
    if (origin === 'u') {
      const columns = rows(db, 'SELECT name FROM pragma_index_info(?) ORDER BY seqno', [name]).map((c) => text(c['name']));
      // SQLite does not keep UNIQUE constraint names: its autoindex names mean nothing to users.
      uniques.push({ name: null, columns });
      continue;
    }
    const sql = sqlByIndex.get(name) ?? null;
    indexes.push({
      name,
      columns: indexColumns(db, name, sql),
      unique: row['is_unique'] === 1,
      predicate: row['partial'] === 1 && sql ? scanCreateIndex(sql).predicate : null,
      method: null,
    });
  }
  return { uniques, indexes };
}

function readForeignKeys(db: Database, table: string): ForeignKey[] {
  const list = rows(
    db,
    'SELECT id, seq, "table" AS target, "from" AS source, "to" AS target_column, on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq',
    [table],
  );
  const byId = new Map<number, Row[]>();
  for (const row of list) byId.set(Number(row['id']), [...(byId.get(Number(row['id'])) ?? []), row]);
  const action = (value: SqlValue | undefined): ReferentialAction | null => (ACTIONS.has(text(value)) ? (text(value) as ReferentialAction) : null);
  // SQLite numbers foreign keys from the last declared; list them as declared.
  return [...byId.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, parts]) => {
      const target = text(parts[0]!['target']);
      const explicit = parts.map((p) => p['target_column']);
      // `REFERENCES users` without columns means the target's primary key.
      const targetColumns = explicit.every((c) => c !== null)
        ? explicit.map(text)
        : rows(db, 'SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk', [target]).map((c) => text(c['name']));
      return {
        name: null,
        columns: parts.map((p) => text(p['source'])),
        references: { schema: null, name: target, columns: targetColumns },
        onDelete: action(parts[0]!['on_delete']),
        onUpdate: action(parts[0]!['on_update']),
      };
    });
}

function readTable(db: Database, entry: SchemaEntry, sqlByIndex: ReadonlyMap<string, string>): Table {
  const scanned = scanCreateTable(entry.sql);
  const { columns, primaryKey } = readColumns(db, entry, scanned.autoincrement);
  const { uniques, indexes } = readIndexes(db, entry.name, sqlByIndex);
  return {
    key: entry.name,
    schema: null,
    name: entry.name,
    columns,
    primaryKey: primaryKey.length ? { name: null, columns: primaryKey } : null,
    uniques,
    checks: scanned.checks.map((check) => ({ name: check.name, expression: check.expression })),
    foreignKeys: readForeignKeys(db, entry.name),
    indexes,
  };
}

function readView(db: Database, entry: SchemaEntry): View {
  let columns: string[] | null;
  try {
    columns = rows(db, 'SELECT name FROM pragma_table_info(?) ORDER BY cid', [entry.name]).map((c) => text(c['name']));
  } catch {
    // A view over a table that no longer exists cannot list its columns; SQLite still stores it.
    columns = null;
  }
  return { key: entry.name, schema: null, name: entry.name, columns, definition: scanCreateView(entry.sql), materialized: false };
}

/**
 * Reads an SQLite database's catalog into the normalized model: sqlite_schema for the objects
 * and their CREATE text, pragmas for columns, keys and indexes, and a scanner over the CREATE
 * text for what no pragma reports (CHECK constraints, AUTOINCREMENT, index expressions and
 * predicates, view bodies). Objects appear in creation order; SQLite's internal tables
 * (sqlite_sequence, sqlite_stat*) and virtual tables are left out.
 */
export function sqliteCatalogToModel(db: Database): DatabaseSchema {
  const entries: SchemaEntry[] = rows(
    db,
    "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
  ).map((row) => ({
    type: text(row['type']),
    name: text(row['name']),
    table: text(row['tbl_name']),
    sql: text(row['sql']),
  }));
  const sqlByIndex = new Map(entries.filter((e) => e.type === 'index' && e.sql).map((e) => [e.name, e.sql]));
  const isVirtual = (e: SchemaEntry) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(e.sql);
  return {
    ...emptyDatabaseSchema(),
    tables: entries.filter((e) => e.type === 'table' && !isVirtual(e)).map((e) => readTable(db, e, sqlByIndex)),
    views: entries.filter((e) => e.type === 'view').map((e) => readView(db, e)),
  };
}
