import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCompatibility, InputDataError, InputMissingError, type MigrationArchitectError } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { loadJsonDatabaseSchema } from '../src/index.js';
import type { DatabaseSchema, Table } from '../src/schema/model.js';
import { loadSqlJs } from '../src/sources/sqlite/sql-js-runtime.js';
import { sqliteFileSource, sqlitePathOf } from '../src/sources/sqlite/sqlite-file-source.js';
import { sqliteSqlSource } from '../src/sources/sqlite/sqlite-sql-source.js';
import { claims, handle, modelOf } from './source-handles.js';
import { clock, registry } from './fixtures.js';
import { tempDir } from './temp-dir.js';

const fixtures = fileURLToPath(new URL('./fixtures/sqlite/', import.meta.url));
const context = { cwd: fixtures };
/** The shop schema as written; shop.sqlite.sql is what `sqlite3 shop.db .schema` printed for it. */
const SHOP_DDL = readFileSync(join(fixtures, 'shop-ddl.sql'), 'utf8');

/** Builds a database file with SQLite itself (sql.js), as an application would have. */
async function databaseFile(sql: string): Promise<string> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.exec(sql);
  const path = join(tempDir(), 'app.db');
  writeFileSync(path, db.export());
  db.close();
  return path;
}

async function failure(promise: Promise<unknown>): Promise<MigrationArchitectError> {
  try {
    await promise;
  } catch (error) {
    return error as MigrationArchitectError;
  }
  throw new Error('expected the read to fail');
}

function table(model: DatabaseSchema, key: string): Table {
  const found = model.tables.find((t) => t.key === key);
  if (!found) throw new Error(`no table ${key}`);
  return found;
}

describe('SQLite sources', () => {
  it('answer for sqlite: URLs and *.sqlite.sql / *.sqlite3.sql files', async () => {
    expect(await claims(sqliteFileSource, 'sqlite:app.db')).toBe(true);
    expect(await claims(sqliteFileSource, 'sqlite:///var/lib/app.db')).toBe(true);
    expect(await claims(sqliteFileSource, 'app.db')).toBe(false);
    expect(await claims(sqliteSqlSource, 'schema.sqlite.sql')).toBe(true);
    expect(await claims(sqliteSqlSource, 'dir/schema.sqlite3.sql')).toBe(true);
    expect(await claims(sqliteSqlSource, 'schema.sql')).toBe(false);
    expect(sqlitePathOf('sqlite:///abs/app.db', '/cwd')).toBe('/abs/app.db');
    expect(sqlitePathOf('sqlite:data/app.db', '/cwd')).toBe('/cwd/data/app.db');
  });

  it('reads a database file and its .schema output into the same model', async () => {
    const path = await databaseFile(SHOP_DDL);
    const bytes = readFileSync(path);
    const fromFile = await sqliteFileSource.read(handle(`sqlite://${path}`, context.cwd));
    const fromSql = await sqliteSqlSource.read(handle('shop.sqlite.sql', context.cwd));
    expect(fromFile?.dialect).toBe('sqlite');
    expect(fromSql?.model).toEqual(fromFile?.model);
    // The file is read, never written.
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('reads tables, keys, checks, indexes and views', async () => {
    const model = await modelOf(sqliteSqlSource, 'shop.sqlite.sql', context.cwd);
    expect(model.tables.map((t) => t.key)).toEqual(['users', 'orders', 'coupons']);
    expect(model.routines).toEqual([]);

    const users = table(model, 'users');
    expect(users).toMatchObject({ schema: null, name: 'users', primaryKey: { name: null, columns: ['id'] } });
    expect(users.uniques).toEqual([{ name: null, columns: ['email'] }]);
    // From the CREATE TABLE text: the keyword-named column and the CHECK inside a string do not count.
    expect(users.checks).toEqual([{ name: 'users_age_check', expression: 'age >= 0 AND age < 200' }]);
    expect(users.indexes).toEqual([{ name: 'idx_users_lower_email', columns: ['lower(email)'], unique: false, predicate: null, method: null }]);

    const orders = table(model, 'orders');
    expect(orders.checks).toEqual([{ name: null, expression: 'total >= 0' }]);
    expect(orders.foreignKeys).toEqual([
      { name: null, columns: ['user_id'], references: { schema: null, name: 'users', columns: ['id'] }, onDelete: 'CASCADE', onUpdate: null },
      // REFERENCES coupons without columns: the target's primary key.
      { name: null, columns: ['coupon'], references: { schema: null, name: 'coupons', columns: ['code'] }, onDelete: null, onUpdate: 'SET NULL' },
    ]);
    expect(orders.indexes).toEqual([
      { name: 'idx_orders_open', columns: ['user_id'], unique: false, predicate: 'NOT shipped', method: null },
      { name: 'idx_orders_user_placed', columns: ['user_id', 'placed_at DESC'], unique: true, predicate: null, method: null },
    ]);
    expect(table(model, 'coupons').checks).toEqual([{ name: null, expression: 'percent BETWEEN 1 AND 100' }]);

    expect(model.views).toEqual([
      {
        key: 'active_users',
        schema: null,
        name: 'active_users',
        columns: ['id', 'email'],
        definition: "SELECT id, email FROM users WHERE status = 'active'",
        materialized: false,
      },
    ]);
  });

  it('reads columns exactly as the JSON loader reads the equivalent document', async () => {
    const model = await modelOf(sqliteSqlSource, 'shop.sqlite.sql', context.cwd);
    const json = loadJsonDatabaseSchema(
      {
        tables: {
          users: {
            columns: {
              id: { type: 'INTEGER', primary_key: true, auto_increment: true },
              email: { type: 'VARCHAR(255)', nullable: false },
              name: { type: 'TEXT' },
              status: { type: 'varchar', length: 20, nullable: false, default: 'active' },
              age: { type: 'INTEGER' },
              score: { type: 'REAL', default: 0.5 },
              created_at: { type: 'TEXT', nullable: false, default: 'CURRENT_TIMESTAMP' },
              avatar: { type: 'BLOB' },
              check: { type: 'NUMERIC' },
              // Quoted: unquoted, the JSON format reads `CHECK (x)` as a function call.
              note: { type: 'TEXT', default: "'CHECK (x)'" },
            },
          },
          orders: {
            columns: {
              id: { type: 'INTEGER', primary_key: true },
              user_id: { type: 'INTEGER', nullable: false },
              total: { type: 'NUMERIC(10,2)', nullable: false, default: 0 },
              shipped: { type: 'BOOLEAN', nullable: false, default: false },
              placed_at: { type: 'TEXT', default: "datetime('now')" },
              coupon: { type: 'TEXT' },
            },
          },
        },
      },
      { file: 'shop.json' },
    );
    expect(table(model, 'users').columns).toEqual(table(json, 'users').columns);
    expect(table(model, 'orders').columns).toEqual(table(json, 'orders').columns);
  });

  it('checks a database file against a newer .schema through the engine', async () => {
    const before = `sqlite:${await databaseFile(SHOP_DDL)}`;
    const after = `sqlite:${await databaseFile(SHOP_DDL.replace('  name TEXT,\n', '').replace('VARCHAR(20)', 'VARCHAR(10)'))}`;
    const report = await checkCompatibility(registry, { before, after, cwd: context.cwd, clock });
    expect(report.issues.map((i) => [i.type, i.field_path])).toEqual([
      ['length_reduction', 'tables.users.columns.status.length'],
      ['column_removed', 'tables.users.columns.name'],
    ]);
  });

  it('names the file and line of a statement SQLite rejects', async () => {
    const error = await failure(modelOf(sqliteSqlSource, 'broken.sqlite.sql', context.cwd));
    expect(error).toBeInstanceOf(InputDataError);
    expect(error.exitCode).toBe(65);
    expect(error.location).toMatchObject({ file: 'broken.sqlite.sql', line: 7 });
    expect(error.describe()).toMatch(/^broken\.sqlite\.sql:7: SQLite: near "TABEL": syntax error/);
  });

  it('names the line of a statement that fails while running', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dump.sqlite.sql'), 'CREATE TABLE t (id INTEGER PRIMARY KEY);\nINSERT INTO t VALUES (1);\n\n  INSERT INTO t VALUES (1);\n');
    const error = await failure(modelOf(sqliteSqlSource, 'dump.sqlite.sql', dir));
    expect(error).toBeInstanceOf(InputDataError);
    expect(error.location).toMatchObject({ file: 'dump.sqlite.sql', line: 4 });
    expect(error.message).toMatch(/UNIQUE constraint failed/);
  });

  it('reports a missing database (66) and a file that is not one (65)', async () => {
    const missing = await failure(modelOf(sqliteFileSource, 'sqlite:no-such.db', context.cwd));
    expect(missing).toBeInstanceOf(InputMissingError);
    expect(missing.exitCode).toBe(66);
    expect(missing.message).toContain('no such file');
    const notDatabase = await failure(modelOf(sqliteFileSource, 'sqlite:shop.sqlite.sql', context.cwd));
    expect(notDatabase).toBeInstanceOf(InputDataError);
    expect(notDatabase.message).toMatch(/not an SQLite database/);
    const missingSql = await failure(modelOf(sqliteSqlSource, 'nope.sqlite.sql', context.cwd));
    expect(missingSql).toBeInstanceOf(InputMissingError);
  });
});
