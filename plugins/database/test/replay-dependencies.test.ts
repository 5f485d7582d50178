import { checkCompatibility } from '@migration-architect/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { replayScripts } from '../src/verify/replay.js';
import type { ScratchEngine } from '../src/verify/scratch-database.js';
import { createServerEngine } from '../src/verify/server-engine.js';
import { clock, registry } from './fixtures.js';

/**
 * Changes whose scripts PostgreSQL once refused, because of what depends on what: each pair is
 * checked, and the scripts replayed on PostgreSQL as `check --verify --dev-url` does. Both
 * directions are asserted: the migration reaches the after schema, the rollback the before one.
 */
let engine: ScratchEngine;
beforeAll(async () => {
  engine = await createServerEngine(inject('postgresUrl'));
});
afterAll(async () => {
  await engine.close();
});

const TRIGGER_FUNCTION = 'CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;';

const cases: { name: string; before: string; after: string; scripts: string[] }[] = [
  {
    name: 'the type of a column a trigger names (UPDATE OF)',
    before: `${TRIGGER_FUNCTION} CREATE TABLE t (id int, v int); CREATE TRIGGER tt BEFORE UPDATE OF v ON t FOR EACH ROW EXECUTE FUNCTION tf();`,
    after: `${TRIGGER_FUNCTION} CREATE TABLE t (id int, v bigint); CREATE TRIGGER tt BEFORE UPDATE OF v ON t FOR EACH ROW EXECUTE FUNCTION tf();`,
    scripts: ['Change type of column v in table t from integer to bigint'],
  },
  {
    name: 'an index on a function the change set creates',
    before: 'CREATE TABLE t (id int, s text);',
    after:
      'CREATE TABLE t (id int, s text); CREATE FUNCTION f(x text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(x) $$; CREATE INDEX t_f ON t (f(s));',
    scripts: ['Add index t_f on table t', 'Create function f(text)'],
  },
  {
    name: 'a trigger function dropped with its trigger',
    before: `${TRIGGER_FUNCTION} CREATE TABLE t (id int); CREATE TRIGGER tt BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION tf();`,
    after: 'CREATE TABLE t (id int);',
    scripts: ['Drop function tf()', 'Drop trigger tt on t'],
  },
  {
    name: 'an enum type dropped with the column that used it',
    before: `CREATE TYPE m AS ENUM ('a', 'b'); CREATE TABLE t (id int, x m);`,
    after: 'CREATE TABLE t (id int);',
    scripts: ['Drop column x from table t', 'Contract: drop the kept values of t.x', 'Drop enum type m'],
  },
  {
    name: 'enum values added (the rollback swaps the type back, columns, defaults and views included)',
    before: `CREATE TYPE m AS ENUM ('a', 'b'); CREATE TABLE t (id int, x m DEFAULT 'a', xs m[]); CREATE VIEW tv AS SELECT x FROM t;`,
    after: `CREATE TYPE m AS ENUM ('a', 'b', 'c'); CREATE TABLE t (id int, x m DEFAULT 'a', xs m[]); CREATE VIEW tv AS SELECT x FROM t;`,
    scripts: ['Add value(s) to enum m'],
  },
  {
    name: 'a materialized view re-created with its unique index',
    before: 'CREATE TABLE t (id int, k text); CREATE MATERIALIZED VIEW mv AS SELECT k, count(*) AS n FROM t GROUP BY k; CREATE UNIQUE INDEX mv_k ON mv (k);',
    after:
      'CREATE TABLE t (id int, k text); CREATE MATERIALIZED VIEW mv AS SELECT k, count(*) AS n, max(id) AS m FROM t GROUP BY k; CREATE UNIQUE INDEX mv_k ON mv (k);',
    scripts: ['Replace view mv'],
  },
  {
    // docs.rs's crates.name varchar → text: PostgreSQL keeps `(name)::character varying` in the rebuilt index.
    name: 'the type of a column read by expression indexes (re-created as each side has them)',
    before: `CREATE FUNCTION norm(varchar) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT lower($1) $$;
CREATE TABLE c (id int PRIMARY KEY, name varchar(255) NOT NULL); CREATE UNIQUE INDEX c_norm ON c (norm(name)); CREATE INDEX c_lower ON c (lower(name)) WHERE name <> '';`,
    after: `CREATE FUNCTION norm(varchar) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT lower($1) $$;
CREATE TABLE c (id int PRIMARY KEY, name text NOT NULL); CREATE UNIQUE INDEX c_norm ON c (norm(name)); CREATE INDEX c_lower ON c (lower(name)) WHERE name <> '';`,
    scripts: ['Change type of column name in table c from varchar(255) to text'],
  },
  {
    // docs.rs's release_build_status: a view turned into a table of its name.
    name: 'a view replaced by a table of the same name (the table waits for the view to go)',
    before: 'CREATE TABLE r (id int PRIMARY KEY, ok boolean); CREATE VIEW status AS SELECT id AS rid, ok FROM r;',
    after: 'CREATE TABLE r (id int PRIMARY KEY, ok boolean); CREATE TABLE status (rid int PRIMARY KEY REFERENCES r, ok boolean NOT NULL);',
    scripts: ['Create new table status', 'Drop view status'],
  },
  {
    name: 'a table replaced by a view of the same name (the view waits for the table to go)',
    before: 'CREATE TABLE r (id int PRIMARY KEY, ok boolean); CREATE TABLE status (rid int PRIMARY KEY REFERENCES r, ok boolean NOT NULL);',
    after: 'CREATE TABLE r (id int PRIMARY KEY, ok boolean); CREATE VIEW status AS SELECT id AS rid, ok FROM r;',
    scripts: ['Create view status', 'Retire table status', 'Contract: drop table status kept aside'],
  },
];

describe('scripts ordered by what depends on what', { timeout: 120_000 }, () => {
  it.each(cases)('$name', async ({ before, after, scripts }) => {
    const report = await checkCompatibility(registry, {
      type: 'database',
      before: { name: 'before.sql', document: before },
      after: { name: 'after.sql', document: after },
      clock,
    });
    expect(report.migration_scripts.map((s) => s.description)).toEqual(scripts);
    const verification = await replayScripts({ report, before: { name: 'before.sql', sql: [before] }, after: { name: 'after.sql', sql: [after] }, engine });
    const outcome = verification.scripts.map(
      (s) => `${s.description}: ${s.migration.status} ${s.migration.error ?? ''} / ${s.rollback.status} ${s.rollback.error ?? ''}`,
    );
    expect(outcome).toEqual(scripts.map((s) => `${s}: passed  / passed `));
    expect(verification.after_migration.differences).toEqual([]);
    expect(verification.after_rollback.differences).toEqual([]);
    expect(verification.passed).toBe(true);
  });

  it('a trigger on a table created in the same change waits for that table (found by the differential survey, DIFF_SEED=424382)', async () => {
    const fn = 'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;';
    const before = `${fn} CREATE TABLE a (id int PRIMARY KEY); CREATE TRIGGER a_touch BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION touch();`;
    // Renamed without --rename: a table retired, a new one created, and a new trigger on it.
    const after = `${fn} CREATE TABLE b (id int PRIMARY KEY); CREATE TRIGGER b_touch BEFORE UPDATE ON b FOR EACH ROW EXECUTE FUNCTION touch();`;
    const report = await checkCompatibility(registry, {
      type: 'database',
      before: { name: 'before.sql', document: before },
      after: { name: 'after.sql', document: after },
      clock,
    });
    const trigger = report.migration_scripts.find((s) => s.description === 'Create trigger b_touch on b');
    expect(trigger?.dependencies).toContain('Create new table b');
    const verification = await replayScripts({ report, before: { name: 'before.sql', sql: [before] }, after: { name: 'after.sql', sql: [after] }, engine });
    expect(verification.scripts.filter((s) => s.migration.status !== 'passed').map((s) => `${s.description}: ${s.migration.error}`)).toEqual([]);
    expect(verification.after_migration.differences).toEqual([]);
  });
});
