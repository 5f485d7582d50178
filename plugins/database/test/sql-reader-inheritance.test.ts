import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkCompatibility, type SchemaInputRef } from '@migration-architect/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readPostgresqlSql } from '../src/sources/postgresql-sql/postgresql-sql-source.js';
import { clock, registry } from './fixtures.js';
import { PostgresServer } from './postgres-server.js';
import { checkSql, findings } from './sql-fixtures.js';

/**
 * The SQL reader on what migration histories do beyond CREATE TABLE: legacy INHERITS, ALTER TABLE
 * reaching inheriting tables and partitions, triggers PostgreSQL clones onto partitions, CREATE
 * TABLE … AS copies, and DROP FUNCTION / TRIGGER. PostgreSQL is the oracle: the file, the database
 * it was loaded into and that database's pg_dump must read the same.
 */
const sql = readFileSync(fileURLToPath(new URL('./fixtures/sql/inheritance-and-copies.sql', import.meta.url)), 'utf8');
const server = new PostgresServer(inject('postgresUrl'));
const DATABASE = 'ma_reader_inheritance';

describe('the file read alone', () => {
  it('gives an INHERITS child its parents’ columns and checks, merged with its own', async () => {
    const model = await readPostgresqlSql(sql, 'history.sql');
    const table = (name: string) => model.tables.find((t) => t.name === name)!;
    const columns = (name: string) => table(name).columns.map((c) => `${c.name} ${c.type.name}${c.nullable ? '' : ' NOT NULL'}${c.default ? ' default' : ''}`);
    expect(columns('theatres')).toEqual(['name text NOT NULL', 'seats integer NOT NULL default', 'stage_count smallint NOT NULL', 'opened date']);
    expect(columns('pubs')).toEqual(['name text NOT NULL default', 'seats integer NOT NULL default', 'licence text', 'opened date']);
    expect(table('pubs').columns[0]!.default).toEqual({ kind: 'literal', value: 'The Crown' });
    // ONLY kept the new default on the parent.
    expect(columns('venues')).toEqual(['name text NOT NULL', 'seats integer NOT NULL default', 'opened date default']);
    expect(table('theatres').checks.map((c) => c.name)).toEqual(['seats_not_negative', 'name_not_blank']);
    // A column added to a partitioned table reaches its partitions.
    expect(table('visits_2026').columns.map((c) => c.name)).toEqual(['id', 'member_id', 'at', 'note']);
  });

  it('reads CREATE TABLE … AS columns from the query, and drops what is dropped', async () => {
    const model = await readPostgresqlSql(sql, 'history.sql');
    const columns = (name: string) =>
      model.tables
        .find((t) => t.name === name)
        ?.columns.map((c) => `${c.name} ${c.type.name}${c.type.length ? `(${c.type.length})` : ''}${c.nullable ? '' : ' NOT NULL'}`);
    expect(columns('members_backup')).toEqual(['id bigint', 'nick text', 'joined date']);
    expect(columns('member_names')).toEqual(['member_id bigint', 'label text']);
    expect(columns('member_flags')).toEqual(['id bigint', 'active boolean', 'status varchar(10)', 'version integer']);
    expect(model.routines.map((r) => `${r.name}(${r.parameters.map((p) => p.type.name).join(', ')})`).sort()).toEqual([
      'next_seat(integer)',
      'plan_of(text)',
      'score(text)',
      'stamp_visit()',
    ]);
    expect(model.triggers.map((t) => `${t.tableName.name}.${t.name}`).sort()).toEqual(['visits.visits_audit', 'visits.visits_stamp']);
    expect(columns('scratch')).toBeUndefined();
  });

  it('names what PostgreSQL names: unnamed indexes, LIKE copies, constraints dropped by their generated name', async () => {
    const model = await readPostgresqlSql(sql, 'history.sql');
    const table = (name: string) => model.tables.find((t) => t.name === name)!;
    expect(
      table('tickets')
        .indexes.map((i) => i.name)
        .sort(),
    ).toEqual(['tickets_code_lower', 'tickets_member_id_idx']);
    expect(table('tickets').foreignKeys).toEqual([]);
    expect(table('tickets').uniques).toEqual([]);
    expect(table('tickets').columns[0]).toMatchObject({ name: 'id', identity: null, default: null });
    const copy = table('tickets_new');
    expect(copy.primaryKey?.name).toBe('tickets_new_pkey');
    expect(copy.uniques.map((u) => u.name)).toEqual(['tickets_new_code_key']);
    expect(copy.indexes.map((i) => i.name)).toEqual(['tickets_new_lower_idx', 'tickets_new_member_id_idx']);
    expect(copy.foreignKeys).toEqual([]);
    expect(copy.columns.map((c) => c.default?.kind ?? null)).toEqual(['expression', null, 'literal', null, null]);
    const bare = table('tickets_bare');
    expect(bare.columns.map((c) => `${c.name}${c.nullable ? '' : ' NOT NULL'}${c.default ? ' default' : ''}`)).toEqual([
      'id NOT NULL',
      'code NOT NULL',
      'price',
      'member_id',
      'note',
    ]);
    expect([bare.primaryKey, bare.uniques, bare.checks, bare.indexes]).toEqual([null, [], [], []]);
    expect(model.tables.find((t) => t.schema === 'billing')!.columns.map((c) => c.default)).toEqual([null, { kind: 'literal', value: 'free' }, null]);
  });

  it('counts a copy whose column types it cannot tell as not compared, instead of guessing', async () => {
    const model = await readPostgresqlSql(`CREATE TABLE t (a integer);\nCREATE TABLE t_doubled AS SELECT a * 2 AS twice FROM t;`, 'copy.sql');
    expect(model.tables.map((t) => t.name)).toEqual(['t']);
    expect(Object.keys(model.notCompared ?? {})).toEqual(['tables made by CREATE TABLE … AS whose column types the query does not state']);
  });
});

describe('SQL-standard function bodies', () => {
  it('are compared by parse tree, so a change of spelling is none and a change of meaning is one', async () => {
    const before = 'CREATE FUNCTION next_seat(n integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN CAST(n AS integer) + 1;';
    const respelled = 'CREATE FUNCTION next_seat(n integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN (n)::integer + 1;';
    const changed = 'CREATE FUNCTION next_seat(n integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN n + 2;';
    expect(findings(await checkSql(before, respelled))).toEqual([]);
    expect(findings(await checkSql(before, changed))).toEqual(['database/routine-definition-changed non_breaking functions.next_seat']);
  });
});

describe('the file, the loaded database and its pg_dump', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const url = await server.createDatabase(DATABASE);
    execFileSync('psql', ['-q', '-X', '-v', 'ON_ERROR_STOP=1', url], { input: sql });
  });
  afterAll(async () => {
    await server.dropDatabase(DATABASE);
    await server.close();
  });

  it('script a changed SQL-standard body as SQL PostgreSQL runs', async () => {
    const before = 'CREATE FUNCTION seat_after(n integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN n + 1;';
    const after = 'CREATE FUNCTION seat_after(n integer) RETURNS integer LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT n + 2; END;';
    const report = await checkSql(before, after);
    const script = report.migration_scripts.map((s) => s.script_content).join('\n');
    expect(script).toContain('BEGIN ATOMIC');
    await server.withScratchDatabase('ma_reader_standard_body', async (_db, url) => {
      execFileSync('psql', ['-q', '-X', '-v', 'ON_ERROR_STOP=1', url], { input: `${before}\n${script}` });
      // The replaced body is the one that runs.
      expect(execFileSync('psql', ['-qtAX', '-c', 'SELECT seat_after(1)', url], { encoding: 'utf8' }).trim()).toBe('3');
    });
  });

  it('read the same, in every direction', async () => {
    const live = server.databaseUrl(DATABASE);
    const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', live], { encoding: 'utf8' });
    // The dump writes the children's own columns only, and SET DEFAULT NULL where the parent has a default.
    expect(dump).toMatch(/CREATE TABLE public\.theatres \(\s*stage_count smallint NOT NULL\s*\)\s*INHERITS \(public\.venues\)/);
    const sides: Record<string, SchemaInputRef> = { file: { name: 'history.sql', document: sql }, dump: { name: 'dump.sql', document: dump }, live };
    const found: string[] = [];
    for (const [a, before] of Object.entries(sides))
      for (const [b, after] of Object.entries(sides)) {
        if (a === b) continue;
        const report = await checkCompatibility(registry, { type: 'database', before, after, clock });
        for (const issue of report.issues) found.push(`${a} → ${b}: ${issue.description}`);
      }
    expect(found).toEqual([]);
  });
});
