import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkCompatibility, type SchemaInputRef } from '@migration-architect/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clock, registry } from './fixtures.js';
import { PostgresServer } from './postgres-server.js';
import { replayScripts } from '../src/verify/replay.js';
import type { ScratchEngine } from '../src/verify/scratch-database.js';
import { createServerEngine } from '../src/verify/server-engine.js';

/**
 * The noise classes scripts/corpus/measure-migration-histories.mjs found on real migration
 * histories, each reproduced by SQL written here (fixtures/sql/migration-history-constructs.sql):
 * DO blocks (guarded CREATE TYPE, ADD COLUMN, dynamic SQL over a VALUES list, a table rebuilt
 * under IF), `UNIQUE PRIMARY KEY`, an inline CHECK dropped by the name PostgreSQL gave it, a
 * second UNIQUE on the same columns, UNIQUE NULLS NOT DISTINCT, date and time constants PostgreSQL
 * stores in another spelling, a view's column list, a SQL-standard body that selects * from a
 * function, and negative constants in a CHECK on a float. The file, its pg_dump and the
 * live catalog must read alike, every pair both ways.
 */
const server = new PostgresServer(inject('postgresUrl'));
const constructs = readFileSync(fileURLToPath(new URL('./fixtures/sql/migration-history-constructs.sql', import.meta.url)), 'utf8');
const DATABASE = 'ma_migration_history_noise';
let engine: ScratchEngine;

beforeAll(async () => {
  engine = await createServerEngine(server.url);
  const url = await server.createDatabase(DATABASE);
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url], { input: constructs });
});
afterAll(async () => {
  await engine.close();
  await server.dropDatabase(DATABASE);
  await server.close();
});

const check = async (before: SchemaInputRef, after: SchemaInputRef) =>
  (await checkCompatibility(registry, { type: 'database', before, after, clock })).issues.map((i) => `${i.rule} ${i.field_path}: ${i.description}`);

/** Every script the report carries replays on the test PostgreSQL forward and back, reaching the after schema and then the before one. */
async function expectReplaysBothWays(request: Omit<Parameters<typeof replayScripts>[0], 'engine'>): Promise<void> {
  const verification = await replayScripts({ ...request, engine });
  expect(verification.scripts.map((s) => [s.description, s.migration.status, s.rollback.status, s.migration.error ?? s.rollback.error ?? ''])).toEqual(
    request.report.migration_scripts.map((s) => [s.description, 'passed', 'passed', '']),
  );
  expect(verification.after_migration.differences).toEqual([]);
  expect(verification.after_rollback.differences).toEqual([]);
}

/** Every finding between each ordered pair of sides that must read alike, named by the pair. */
async function differencesBetween(sides: Record<string, SchemaInputRef>): Promise<string[]> {
  const found: string[] = [];
  for (const [a, from] of Object.entries(sides))
    for (const [b, to] of Object.entries(sides)) if (a !== b) for (const issue of await check(from, to)) found.push(`${a} → ${b}: ${issue}`);
  return found;
}

describe('constructs from real migration histories', { timeout: 120_000 }, () => {
  it('read alike from the file, the dump and the live catalog', async () => {
    const live = server.databaseUrl(DATABASE);
    const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', live], { encoding: 'utf8' });
    const sides: Record<string, SchemaInputRef> = {
      file: { name: 'migration-history-constructs.sql', document: constructs },
      dump: { name: 'dump.sql', document: dump },
      live,
    };
    expect(await differencesBetween(sides)).toEqual([]);
  });

  it('still report a real change to each of them', async () => {
    const live = server.databaseUrl(DATABASE);
    const changed = constructs
      .replace("CREATE TYPE job_state AS ENUM ('queued', 'running', 'done');", "CREATE TYPE job_state AS ENUM ('queued', 'running');")
      .replace('ADD COLUMN attempts integer DEFAULT 0', 'ADD COLUMN attempts integer DEFAULT 1')
      .replace("(VALUES ('label', 'label_not_null'), ('state', 'state_not_null'))", "(VALUES ('state', 'state_not_null'))")
      .replace('CONSTRAINT line_length CHECK (char_length(line) > 0),', '')
      .replace('ALTER TABLE handles ADD UNIQUE (owner_id, handle);\n', '')
      .replace('UNIQUE NULLS NOT DISTINCT (owner_id)', 'UNIQUE (owner_id)')
      .replace("CHECK (kind IN ('import', 'export', 'sync'))", "CHECK (kind IN ('import', 'sync'))")
      .replace("timestamptz NOT NULL DEFAULT 'epoch'", "timestamptz NOT NULL DEFAULT '1970-01-01 00:00:00+01'")
      .replace("'2018-01-01 01:00:00+01'::timestamp", "'2018-01-01 01:00:00+00'::timestamp")
      .replace('SELECT kind, count(jobs.id)', 'SELECT kind, count(DISTINCT jobs.id)')
      .replace('SELECT DISTINCT * FROM unnest', 'SELECT * FROM unnest')
      .replace('celsius > -273.15', 'celsius > -273.5')
      .replace('(username IS NOT NULL AND password IS NOT NULL)', '(username IS NOT NULL OR password IS NOT NULL)');
    const found = await check(live, { name: 'changed.sql', document: changed });
    expect(found.map((f) => f.split(':')[0]).sort()).toEqual([
      'database/check-added tables.hooks.constraints.check',
      'database/check-added tables.jobs.constraints.check',
      'database/check-added tables.temperatures.constraints.check',
      'database/check-modified tables.jobs.constraints.check',
      'database/check-removed tables.hooks.constraints.check',
      'database/check-removed tables.job_migration.constraints.check',
      'database/check-removed tables.temperatures.constraints.check',
      'database/default-changed tables.jobs.columns.attempts.default',
      'database/default-changed tables.sync_state.columns.last_sync.default',
      'database/enum-value-removed enums.job_state',
      'database/nullability-relaxed tables.jobs.columns.label.nullable',
      'database/routine-definition-changed functions.distinct_words',
      'database/trigger-changed tables.sync_state.triggers.sync_counted',
      'database/unique-modified tables.handles.constraints.unique',
      'database/unique-removed tables.handles.constraints.unique',
      'database/view-definition-changed views.recent_jobs',
    ]);
  });

  it('script stored generated columns as generated, added to a table or with a new one, both ways on PostgreSQL', async () => {
    const before = "CREATE TABLE triggers (key varchar(250) PRIMARY KEY, value jsonb NOT NULL, gone text GENERATED ALWAYS AS (value ->> 'gone') STORED);";
    const after = `CREATE TABLE triggers (key varchar(250) PRIMARY KEY, value jsonb NOT NULL, worker_id varchar(250) GENERATED ALWAYS AS (value ->> 'workerId') STORED);
CREATE TABLE monitors (key varchar(250) PRIMARY KEY, value jsonb NOT NULL, deadline text NOT NULL GENERATED ALWAYS AS (value ->> 'deadline') STORED);`;
    const report = await checkCompatibility(registry, {
      type: 'database',
      before: { name: 'before.sql', document: before },
      after: { name: 'after.sql', document: after },
      clock,
    });
    expect(report.issues.map((i) => i.rule).sort()).toEqual(['database/column-added-with-table-rewrite', 'database/column-removed', 'database/table-added']);
    await expectReplaysBothWays({ report, before: { name: 'before.sql', sql: [before] }, after: { name: 'after.sql', sql: [after] } });
  });

  it("script a NOT NULL stored generated column without a backfill, and an index that INCLUDEs it after it, both ways on PostgreSQL (quickwit's idx_splits_stats)", async () => {
    const before =
      'CREATE TABLE splits (split_id varchar(50) PRIMARY KEY, index_uid varchar(282) NOT NULL, split_state varchar(30) NOT NULL, metadata text NOT NULL);';
    const after = `${before}
ALTER TABLE splits ADD COLUMN size_bytes bigint NOT NULL GENERATED ALWAYS AS ((metadata::json ->> 'size')::bigint) STORED;
CREATE INDEX idx_splits_stats ON splits (index_uid, split_state) INCLUDE (size_bytes);
CREATE INDEX idx_splits_big ON splits (split_state) WHERE size_bytes > 1000;`;
    const report = await checkCompatibility(registry, {
      type: 'database',
      before: { name: 'before.sql', document: before },
      after: { name: 'after.sql', document: after },
      clock,
    });
    // Every row gets its value from the expression: no INSERT breaks, nothing to backfill.
    expect(report.issues.map((i) => i.rule).sort()).toEqual(['database/column-added-with-table-rewrite', 'database/index-added', 'database/index-added']);
    expect(report.migration_scripts.map((s) => s.script_content).join('\n')).not.toContain('{backfill_value}');
    // An index waits for the column it INCLUDEs or its predicate reads, not only for its elements.
    const waitsFor = (name: string) => report.migration_scripts.find((s) => s.description.startsWith(`Add index ${name} `))?.dependencies;
    expect(waitsFor('idx_splits_stats')).toEqual(['Add column size_bytes to table splits']);
    expect(waitsFor('idx_splits_big')).toEqual(['Add column size_bytes to table splits']);
    // Rows are in the table before the scripts run, so the column's rewrite computes their values.
    const rows = "INSERT INTO splits VALUES ('a', 'i', 'Published', '{\"size\": 2048}'), ('b', 'i', 'Staged', '{\"size\": 10}');";
    await expectReplaysBothWays({
      report,
      before: { name: 'before.sql', sql: [before, rows] },
      after: { name: 'after.sql', sql: [after] },
    });
  });

  it('keep a quoted type name\'s case (Prisma\'s "WorkspaceType"): no noise against the catalog, and scripts that use the type run both ways', async () => {
    const before = `CREATE TYPE "WorkspaceType" AS ENUM ('USER', 'TEAM');
CREATE TYPE workspacetype AS ENUM ('lower');
CREATE TABLE "User" (uid text PRIMARY KEY, kind workspacetype, "workspaceType" "WorkspaceType" NOT NULL DEFAULT 'USER');`;
    const after = `${before}
CREATE TABLE "Team" (id text PRIMARY KEY, "type" "WorkspaceType" NOT NULL DEFAULT 'TEAM', kinds "WorkspaceType"[]);
ALTER TABLE "User" ADD COLUMN "lastType" public."WorkspaceType";`;
    const url = await server.createDatabase('ma_mixed_case_types');
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url], { input: before });
    try {
      expect(await check({ name: 'before.sql', document: before }, url)).toEqual([]);
      expect(await check(url, { name: 'before.sql', document: before })).toEqual([]);
      const report = await checkCompatibility(registry, { type: 'database', before: url, after: { name: 'after.sql', document: after }, clock });
      expect(report.issues.map((i) => i.rule).sort()).toEqual(['database/column-added', 'database/table-added']);
      await expectReplaysBothWays({ report, before: { name: 'before.sql', sql: [before] }, after: { name: 'after.sql', sql: [after] } });
    } finally {
      await server.dropDatabase('ma_mixed_case_types');
    }
  });

  it("script a table that kept its serial sequence's and unnamed UNIQUEs' names through a rename (philomena's versions_legacy) so the catalogs match both ways", async () => {
    const before = 'CREATE TABLE versions (id serial PRIMARY KEY, item_type text NOT NULL UNIQUE, event text, whodunnit text, UNIQUE (event, whodunnit));';
    const after = `${before}\nALTER TABLE versions RENAME TO versions_legacy;`;
    const url = await server.createDatabase('ma_renamed_serial');
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url], { input: after });
    try {
      const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', url], { encoding: 'utf8' });
      // From the dump, without a declared rename: retired aside (its sequence too) and created anew under the kept
      // sequence name. From the migration file, the rename it says (the reader keeps the sequence's first name).
      const sides: [string, string[]][] = [
        [dump, ['database/table-added', 'database/table-possibly-renamed', 'database/table-removed']],
        [after, ['database/table-renamed']],
      ];
      for (const [afterSide, rules] of sides) {
        const report = await checkCompatibility(registry, {
          type: 'database',
          before: { name: 'before.sql', document: before },
          after: { name: 'after.sql', document: afterSide },
          clock,
        });
        expect(report.issues.map((i) => i.rule).sort()).toEqual(rules);
        await expectReplaysBothWays({ report, before: { name: 'before.sql', sql: [before] }, after: { name: 'after.sql', sql: [after] } });
      }
      // And retired from the migration file's schema: the sequence renamed aside is the one PostgreSQL kept the first name of.
      const retired = await checkCompatibility(registry, {
        type: 'database',
        before: { name: 'after.sql', document: after },
        after: { name: 'empty.sql', document: 'CREATE TABLE other (id int);' },
        clock,
      });
      await expectReplaysBothWays({
        report: retired,
        before: { name: 'after.sql', sql: [after] },
        after: { name: 'empty.sql', sql: ['CREATE TABLE other (id int);'] },
      });
    } finally {
      await server.dropDatabase('ma_renamed_serial');
    }
  });

  it('read a column renamed aside whose name a new column takes, and foreign keys dropped by CASCADE with the key they rest on, alike from the file, the dump and the live catalog', async () => {
    // Ory hydra's and authelia's class: `RENAME pk TO pk_deprecated`, then a new `pk`; and
    // `DROP INDEX … CASCADE` / `DROP CONSTRAINT … CASCADE` / `DROP TABLE … CASCADE` taking the
    // foreign keys that rest on what they drop, before new ones are made.
    const before = `CREATE TABLE regions (id uuid PRIMARY KEY);
CREATE TABLE accounts (handle varchar(64) NOT NULL, region_id uuid REFERENCES regions, seq serial PRIMARY KEY, kind text NOT NULL DEFAULT '');
CREATE UNIQUE INDEX accounts_handle_uq ON accounts (handle ASC);
CREATE TABLE sessions (id serial PRIMARY KEY, region_id uuid, account_handle varchar(64), CONSTRAINT sessions_account_fk FOREIGN KEY (account_handle) REFERENCES accounts (handle) ON DELETE CASCADE);
CREATE TABLE notes (id serial PRIMARY KEY, account_seq int REFERENCES accounts);`;
    const after = `${before}
ALTER TABLE accounts RENAME seq TO seq_deprecated;
ALTER TABLE accounts ADD COLUMN seq uuid DEFAULT gen_random_uuid();
ALTER TABLE accounts ALTER seq DROP DEFAULT;
ALTER TABLE accounts DROP CONSTRAINT accounts_pkey CASCADE;
ALTER TABLE accounts ADD PRIMARY KEY (seq);
ALTER TABLE accounts RENAME COLUMN kind TO kind_format;
ALTER TABLE accounts ADD COLUMN kind text;
DROP INDEX accounts_handle_uq CASCADE;
CREATE UNIQUE INDEX accounts_handle_uq ON accounts (handle ASC, region_id ASC);
ALTER TABLE sessions ADD CONSTRAINT sessions_account_fk FOREIGN KEY (account_handle, region_id) REFERENCES accounts (handle, region_id) ON DELETE CASCADE;
DROP TABLE regions CASCADE;
ALTER TABLE notes RENAME TO notes_legacy;
CREATE TABLE notes (id bigserial PRIMARY KEY, account_seq uuid REFERENCES accounts);`;
    const url = await server.createDatabase('ma_renamed_aside');
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url], { input: after });
    try {
      const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', url], { encoding: 'utf8' });
      const sides: Record<string, SchemaInputRef> = { file: { name: 'after.sql', document: after }, dump: { name: 'dump.sql', document: dump }, live: url };
      expect(await differencesBetween(sides)).toEqual([]);
      const report = await check({ name: 'before.sql', document: before }, { name: 'after.sql', document: after });
      // From the state before that migration, the renames it declares are still renames, a new
      // table taking a renamed one's name too, and the foreign keys CASCADE dropped are gone.
      expect(report.map((f) => f.split(':')[0]).sort()).toEqual([
        'database/column-added tables.accounts.columns.kind',
        'database/column-renamed tables.accounts.columns.kind_format',
        'database/column-renamed tables.accounts.columns.seq_deprecated',
        'database/foreign-key-modified tables.sessions.constraints.foreign_key',
        'database/foreign-key-removed tables.accounts.constraints.foreign_key',
        'database/foreign-key-removed tables.notes_legacy.constraints.foreign_key',
        'database/index-changed tables.accounts.indexes.accounts_handle_uq',
        'database/primary-key-modified tables.accounts.constraints.primary_key',
        'database/required-column-added tables.accounts.columns.seq',
        'database/table-added tables.notes',
        'database/table-removed tables.regions',
        'database/table-renamed tables.notes_legacy',
      ]);
    } finally {
      await server.dropDatabase('ma_renamed_aside');
    }
  });

  it('read a trigger dropped with the function it executes (DROP FUNCTION … CASCADE, the function made again without it) alike from the file, the dump and the live catalog', async () => {
    // harness's class: the trigger goes with the function; re-creating the function does not bring it back.
    const file = `CREATE TABLE manifests (id serial PRIMARY KEY, deleted_at timestamptz);
CREATE TABLE deletions (manifest_id int NOT NULL);
CREATE FUNCTION track_deleted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO deletions VALUES (OLD.id); RETURN OLD; END $$;
CREATE TRIGGER manifests_track_deleted AFTER DELETE ON manifests FOR EACH ROW EXECUTE FUNCTION track_deleted();
CREATE TRIGGER manifests_track_updated AFTER UPDATE ON manifests FOR EACH ROW EXECUTE FUNCTION public.track_deleted();
DROP FUNCTION track_deleted() CASCADE;
CREATE FUNCTION track_deleted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO deletions VALUES (OLD.id); RETURN NULL; END $$;`;
    const url = await server.createDatabase('ma_cascaded_trigger');
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url], { input: file });
    try {
      const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', url], { encoding: 'utf8' });
      const sides: Record<string, SchemaInputRef> = { file: { name: 'after.sql', document: file }, dump: { name: 'dump.sql', document: dump }, live: url };
      expect(await differencesBetween(sides)).toEqual([]);
      // Without CASCADE nothing but the function changes: the triggers stay, and a check says so.
      const kept = file.replace('DROP FUNCTION track_deleted() CASCADE;\nCREATE FUNCTION', 'CREATE OR REPLACE FUNCTION');
      expect((await check(url, { name: 'kept.sql', document: kept })).filter((f) => f.startsWith('database/trigger-'))).toHaveLength(2);
    } finally {
      await server.dropDatabase('ma_cascaded_trigger');
    }
  });

  it('read a boolean or number constant as the default of a text column (DEFAULT FALSE) alike from the file, the dump and the live catalog, and still see it change', async () => {
    // harness's class: PostgreSQL stores the constant and prints `false`, which the column gets as the text 'false'.
    const file = `CREATE TABLE flags (a text DEFAULT FALSE, b text NOT NULL DEFAULT true, c varchar(5) DEFAULT 0, d text DEFAULT 12.5, e text DEFAULT 'false');`;
    const url = await server.createDatabase('ma_text_constant_defaults');
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url], { input: file });
    try {
      const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', url], { encoding: 'utf8' });
      const sides: Record<string, SchemaInputRef> = { file: { name: 'after.sql', document: file }, dump: { name: 'dump.sql', document: dump }, live: url };
      expect(await differencesBetween(sides)).toEqual([]);
      const changed = file.replace('a text DEFAULT FALSE', 'a text DEFAULT TRUE').replace('c varchar(5) DEFAULT 0', 'c varchar(5) DEFAULT 1');
      expect((await check(url, { name: 'changed.sql', document: changed })).map((f) => f.split(':')[0]).sort()).toEqual([
        'database/default-changed tables.flags.columns.a.default',
        'database/default-changed tables.flags.columns.c.default',
      ]);
    } finally {
      await server.dropDatabase('ma_text_constant_defaults');
    }
  });

  it('script an explicit DEFAULT NULL on a column added, which PostgreSQL keeps on a type with a length, so the forward replay reaches the catalog', async () => {
    // authelia's class: `reason VARCHAR(100) DEFAULT NULL` is stored as `NULL::character varying`.
    // And authelia 0023: `SET DEFAULT NULL` on a column that had none, which no script need repeat.
    const before = 'CREATE TABLE bans (id serial PRIMARY KEY, ip text NOT NULL, code char(36));';
    const after = `${before}
ALTER TABLE bans ALTER COLUMN code SET DEFAULT NULL;
ALTER TABLE bans ADD COLUMN reason varchar(100) DEFAULT NULL, ADD COLUMN note text DEFAULT NULL;
CREATE TABLE device_sessions (id serial PRIMARY KEY, subject char(36) DEFAULT NULL, amount numeric(10, 2) DEFAULT NULL::numeric);`;
    const url = await server.createDatabase('ma_null_defaults');
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url], { input: after });
    try {
      const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', url], { encoding: 'utf8' });
      expect(dump).toContain('NULL::character varying');
      // Still no default to compare: the file, its dump and the catalog read alike.
      for (const [a, b] of [
        [{ name: 'after.sql', document: after }, url],
        [url, { name: 'after.sql', document: after }],
        [{ name: 'dump.sql', document: dump }, url],
      ] as [SchemaInputRef, SchemaInputRef][])
        expect(await check(a, b)).toEqual([]);
      for (const afterSide of [{ name: 'after.sql', document: after }, { name: 'dump.sql', document: dump }, url] as SchemaInputRef[]) {
        const report = await checkCompatibility(registry, { type: 'database', before: { name: 'before.sql', document: before }, after: afterSide, clock });
        await expectReplaysBothWays({ report, before: { name: 'before.sql', sql: [before] }, after: { name: 'after.sql', sql: [after] } });
      }
    } finally {
      await server.dropDatabase('ma_null_defaults');
    }
  });

  it("keep a function's parameter defaults when its body is replaced (CREATE OR REPLACE cannot remove one), from a file and from the catalog", async () => {
    const before = `CREATE FUNCTION drop_stale(p_name text, p_record boolean DEFAULT true, p_note text DEFAULT 'a, b') RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RETURN p_record; END $$;`;
    const after = before.replace('RETURN p_record;', 'RETURN NOT p_record;');
    const url = await server.createDatabase('ma_parameter_defaults_after');
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url], { input: after });
    try {
      for (const afterSide of [{ name: 'after.sql', document: after }, url] as SchemaInputRef[]) {
        const report = await checkCompatibility(registry, { type: 'database', before: { name: 'before.sql', document: before }, after: afterSide, clock });
        expect(report.issues.map((i) => i.rule)).toEqual(['database/routine-definition-changed']);
        const verification = await replayScripts({ report, before: { name: 'before.sql', sql: [before] }, after: { name: 'after.sql', sql: [after] }, engine });
        expect(verification.scripts.map((s) => [s.migration.status, s.rollback.status, s.migration.error ?? s.rollback.error ?? ''])).toEqual([
          ['passed', 'passed', ''],
        ]);
        expect(verification.after_migration.differences).toEqual([]);
      }
    } finally {
      await server.dropDatabase('ma_parameter_defaults_after');
    }
  });
});
