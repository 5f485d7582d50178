import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { InputDataError, InputMissingError } from '@migration-architect/core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { databaseRules } from '../src/index.js';
import { postgresqlSqlSource, readPostgresqlSql } from '../src/sources/postgresql-sql/postgresql-sql-source.js';
import { PostgresServer } from './postgres-server.js';
import { checkSql, findings } from './sql-fixtures.js';
import { claims, handle, modelOf } from './source-handles.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/sql/${name}`, import.meta.url));
const server = new PostgresServer(inject('postgresUrl'));
afterAll(() => server.close());

describe('rule codes', () => {
  it('every rule has a code, and no two rules share one', () => {
    const codes = databaseRules.map((r) => r.code);
    expect(codes.every((c) => typeof c === 'string' && /^DB[1-6]\d\d$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('postgresql-sql source', () => {
  it('answers for SQL files but not SQLite dumps', async () => {
    expect(await claims(postgresqlSqlSource, 'schema.sql')).toBe(true);
    expect(await claims(postgresqlSqlSource, 'dump.PGSQL')).toBe(true);
    expect(await claims(postgresqlSqlSource, 'app.sqlite.sql')).toBe(false);
    expect(await claims(postgresqlSqlSource, 'schema.json')).toBe(false);
  });

  it('reads a file into the model, in the PostgreSQL dialect', async () => {
    const read = await postgresqlSqlSource.read(handle(fixture('app-before.sql'), '/'));
    expect(read?.dialect).toBe('postgresql');
    const model: Awaited<ReturnType<typeof readPostgresqlSql>> = await modelOf(postgresqlSqlSource, fixture('app-before.sql'), '/');
    expect(model.tables.map((t) => t.key)).toEqual(['users', 'orders', 'billing.invoices']);
    expect(model.schemas.map((s) => s.name)).toEqual(['billing']);
    expect(model.enums[0]?.values).toEqual(['pending', 'paid', 'shipped', 'cancelled']);
    const orders = model.tables[1]!;
    expect(orders.columns[0]).toMatchObject({ name: 'id', identity: 'serial', nullable: false, line: 17 });
    expect(orders.foreignKeys[0]).toMatchObject({ columns: ['user_id'], references: { name: 'users', columns: ['id'] }, onDelete: 'CASCADE' });
    expect(orders.indexes.map((i) => [i.name, i.columns, i.predicate])).toEqual([
      ['idx_orders_user_id', ['user_id'], null],
      ['idx_orders_open', ['user_id'], "status = 'pending'"],
    ]);
    expect(model.views.map((v) => [v.key, v.columns, v.materialized])).toEqual([
      ['active_users', ['id', 'email'], false],
      ['order_totals', ['user_id', 'total'], true],
    ]);
    expect(model.triggers[0]).toMatchObject({ name: 'users_touch', table: 'users', timing: 'before', events: ['update'], function: 'touch_updated_at' });
    expect(model.sequences.map((s) => s.key)).toEqual(['billing.invoice_number_seq', 'orders_id_seq']);
    expect(model.tables[0]!.line).toBe(6);
  });

  it('a missing file is InputMissingError (66)', async () => {
    await expect(postgresqlSqlSource.read(handle('no-such.sql', tmpdir()))).rejects.toBeInstanceOf(InputMissingError);
  });

  it('a syntax error is InputDataError (65) naming the file and the line the parser stopped at', async () => {
    const sql = 'CREATE TABLE a (id int);\n\n-- a comment\nCREATE TABLE b (id int,, name text);\n';
    const error = await readPostgresqlSql(sql, 'broken.sql').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputDataError);
    expect((error as InputDataError).exitCode).toBe(65);
    expect((error as InputDataError).location).toMatchObject({ file: 'broken.sql', line: 4 });
    expect((error as InputDataError).message).toMatch(/syntax error at or near ","/);
  });

  it('ignores valid statements outside the model (SET, GRANT, OWNER TO, extensions)', async () => {
    const model = await readPostgresqlSql(
      "SET client_encoding = 'UTF8';\nSELECT pg_catalog.set_config('search_path', '', false);\nCREATE EXTENSION IF NOT EXISTS pgcrypto;\nCREATE TABLE t (id int);\nALTER TABLE t OWNER TO postgres;\nGRANT SELECT ON t TO PUBLIC;\nREVOKE ALL ON t FROM PUBLIC;\n",
      'x.sql',
    );
    expect(model.tables.map((t) => t.key)).toEqual(['t']);
  });

  it('public.users and users are one table; changes carry the line of the object', async () => {
    const report = await checkSql('CREATE TABLE public.users (id int, email text);', 'CREATE TABLE users (id int);\n\n\nCREATE TABLE audit (id int);');
    expect(report.issues.map((i) => [i.rule, i.location])).toEqual([
      ['database/table-added', { file: 'after.sql', line: 4 }],
      ['database/column-removed', { file: 'before.sql', line: 1 }],
    ]);
  });
});

describe('renames', () => {
  const before = 'CREATE TABLE users (id int PRIMARY KEY, email text);';
  const after = 'CREATE TABLE users (id int PRIMARY KEY, email_address text);';

  it('without a hint: drop + add, and a possible-rename finding suggesting --rename', async () => {
    const report = await checkSql(before, after);
    expect(report.issues.map((i) => i.rule).sort()).toEqual(['database/column-added', 'database/column-possibly-renamed', 'database/column-removed'].sort());
    expect(report.issues.find((i) => i.rule === 'database/column-possibly-renamed')!.description).toContain('--rename users.email=users.email_address');
  });

  it('with --rename users.email=users.email_address: one breaking column-renamed', async () => {
    const report = await checkSql(before, after, [{ from: 'users.email', to: 'users.email_address' }]);
    expect(report.issues.map((i) => [i.rule, i.severity, i.code])).toEqual([['database/column-renamed', 'breaking', 'DB105']]);
  });

  it('table renames, by hint or by ALTER TABLE … RENAME in the file', async () => {
    const hinted = await checkSql('CREATE TABLE orders (id int, total numeric);', 'CREATE TABLE purchases (id int, total numeric);', [
      { from: 'orders', to: 'purchases' },
    ]);
    expect(hinted.issues.map((i) => i.rule)).toEqual(['database/table-renamed']);
    const declared = await checkSql('CREATE TABLE orders (id int);', 'CREATE TABLE orders (id int);\nALTER TABLE orders RENAME TO purchases;');
    expect(declared.issues.map((i) => i.rule)).toEqual(['database/table-renamed']);
  });

  it('a hint that matches nothing is a usage error', async () => {
    await expect(checkSql(before, after, [{ from: 'users.nope', to: 'users.email_address' }])).rejects.toThrow(/matches no table or column/);
  });
});

describe('pg_dump --schema-only reads like the DDL it came from', { timeout: 60_000 }, () => {
  it('dump → after gives the same findings as before.sql → after.sql', async () => {
    const beforeSql = readFileSync(fixture('app-before.sql'), 'utf8');
    const afterSql = readFileSync(fixture('app-after.sql'), 'utf8');
    const dump = await server.withScratchDatabase('ma_sql_pg_dump', async (db, url) => {
      await db.run(beforeSql);
      return execFileSync('pg_dump', ['--schema-only', '--no-owner', url], { encoding: 'utf8' });
    });
    const expected = findings(await checkSql(beforeSql, afterSql));
    expect(expected.length).toBeGreaterThan(5);
    expect(findings(await checkSql(dump, afterSql))).toEqual(expected);
    // And the dump against its own source: nothing changed.
    expect(findings(await checkSql(dump, beforeSql))).toEqual([]);
  });

  it('the after fixture is valid PostgreSQL too', async () => {
    await server.withScratchDatabase('ma_sql_app_after', (db) => db.run(readFileSync(fixture('app-after.sql'), 'utf8')));
  });
});
