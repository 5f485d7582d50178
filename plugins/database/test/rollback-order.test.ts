import { checkCompatibility } from '@migration-architect/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { replayScripts } from '../src/verify/replay.js';
import { orderScripts } from '../src/verify/script-order.js';
import type { ScratchEngine } from '../src/verify/scratch-database.js';
import { createServerEngine } from '../src/verify/server-engine.js';
import { clock, registry } from './fixtures.js';

/**
 * Failure classes the differential survey found in rollbacks and in the order scripts run (issue 15,
 * test/differential/known-gaps.ts), each reduced to a before/after pair and replayed on PostgreSQL as
 * `check --verify --dev-url` does. Both directions are asserted.
 */
let engine: ScratchEngine;
beforeAll(async () => {
  engine = await createServerEngine(inject('postgresUrl'));
});
afterAll(async () => {
  await engine.close();
});

const TRIGGER_FUNCTION = 'CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;';

async function replay(before: string, after: string, renames: { from: string; to: string }[] = []) {
  const report = await checkCompatibility(registry, {
    type: 'database',
    before: { name: 'before.sql', document: before },
    after: { name: 'after.sql', document: after },
    clock,
    renames,
  });
  const verification = await replayScripts({ report, before: { name: 'before.sql', sql: [before] }, after: { name: 'after.sql', sql: [after] }, engine });
  const steps = verification.scripts.map(
    (s) => `${s.description}: ${s.migration.status} ${s.migration.error ?? ''} / ${s.rollback.status} ${s.rollback.error ?? ''}`,
  );
  return { report, verification, steps };
}

const cases: { name: string; before: string; after: string; scripts: string[]; order?: string[]; renames?: { from: string; to: string }[] }[] = [
  {
    name: "a trigger dropped: its rollback re-creates it with the function's arguments",
    before: `${TRIGGER_FUNCTION} CREATE TABLE t (id int); CREATE TRIGGER tt BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf('a', 'it''s');`,
    after: `${TRIGGER_FUNCTION} CREATE TABLE t (id int);`,
    scripts: ['Drop trigger tt on t'],
  },
  {
    name: 'a trigger whose arguments alone change is replaced, both ways',
    before: `${TRIGGER_FUNCTION} CREATE TABLE t (id int); CREATE TRIGGER tt BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf('a');`,
    after: `${TRIGGER_FUNCTION} CREATE TABLE t (id int); CREATE TRIGGER tt BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf('a', 'b');`,
    scripts: ['Replace trigger tt on t'],
  },
  {
    name: 'enum values added: the type swap drops and re-creates what holds constants of the old type (index predicate, CHECK, trigger condition, views)',
    before: `${TRIGGER_FUNCTION} CREATE TYPE m AS ENUM ('a', 'b');
      CREATE TABLE t (id int, x m DEFAULT 'a', CONSTRAINT t_x CHECK (x <> 'b'));
      CREATE INDEX t_partial ON t (id) WHERE x = 'a';
      CREATE INDEX t_expr ON t ((x = 'b'));
      CREATE TRIGGER tt BEFORE UPDATE ON t FOR EACH ROW WHEN (NEW.x = 'a') EXECUTE FUNCTION tf();
      CREATE VIEW constants AS SELECT 'a'::m AS k;
      CREATE VIEW on_constants AS SELECT k FROM constants;
      CREATE VIEW filtered AS SELECT id FROM t WHERE x = 'a';`,
    after: `${TRIGGER_FUNCTION} CREATE TYPE m AS ENUM ('a', 'b', 'c');
      CREATE TABLE t (id int, x m DEFAULT 'a', CONSTRAINT t_x CHECK (x <> 'b'));
      CREATE INDEX t_partial ON t (id) WHERE x = 'a';
      CREATE INDEX t_expr ON t ((x = 'b'));
      CREATE TRIGGER tt BEFORE UPDATE ON t FOR EACH ROW WHEN (NEW.x = 'a') EXECUTE FUNCTION tf();
      CREATE VIEW constants AS SELECT 'a'::m AS k;
      CREATE VIEW on_constants AS SELECT k FROM constants;
      CREATE VIEW filtered AS SELECT id FROM t WHERE x = 'a';`,
    scripts: ['Add value(s) to enum m'],
  },
  {
    // The view's rollback re-created it before the swap ran, which did not know it (drawn by the differential test from seed 1).
    name: 'enum values added while a view on the column is dropped: the swap drops and re-creates the view its rollback brought back',
    before: `CREATE TYPE m AS ENUM ('a', 'b'); CREATE TABLE t (id int, x m); CREATE VIEW v AS SELECT id, x FROM t;`,
    after: `CREATE TYPE m AS ENUM ('a', 'b', 'c'); CREATE TABLE t (id int, x m);`,
    scripts: ['Add value(s) to enum m', 'Drop view v'],
  },
  {
    // The view followed the table: replacing it rolled back onto the compatibility view, which the rename's rollback could then not drop.
    name: 'a table renamed with --rename: views over it follow it and are not replaced (as the catalog prints them)',
    before: 'CREATE TABLE t (id int, a int); CREATE VIEW v AS SELECT id, a FROM t; CREATE VIEW w AS SELECT id FROM v;',
    after: 'CREATE TABLE t2 (id int, a int); CREATE VIEW v AS SELECT t2.id, t2.a FROM t2; CREATE VIEW w AS SELECT id FROM v;',
    renames: [{ from: 't', to: 't2' }],
    scripts: ['Rename table t to t2', 'Contract: drop the compatibility view t'],
  },
  {
    name: 'a table renamed in the file (ALTER TABLE … RENAME): views over it follow it',
    before: 'CREATE TABLE t (id int, a int); CREATE VIEW v AS SELECT id, a FROM t;',
    after: 'CREATE TABLE t (id int, a int); CREATE VIEW v AS SELECT id, a FROM t; ALTER TABLE t RENAME TO t2;',
    scripts: ['Rename table t to t2', 'Contract: drop the compatibility view t'],
  },
  {
    // The view, index, check and foreign key were replaced, and rolled back before the column's rename: "column a does not exist".
    name: 'a column renamed with --rename: the views, indexes, checks and foreign keys that name it follow it',
    before: `CREATE TABLE t (id int PRIMARY KEY, a int UNIQUE, CONSTRAINT t_a CHECK (a > 0));
      CREATE INDEX t_expr ON t ((a + 1)) WHERE a > 1;
      CREATE INDEX t_include ON t (id) INCLUDE (a);
      CREATE TABLE r (id int, ta int REFERENCES t (a));
      CREATE VIEW v AS SELECT id, a FROM t;`,
    after: `CREATE TABLE t (id int PRIMARY KEY, b int CONSTRAINT t_a_key UNIQUE, CONSTRAINT t_a CHECK (b > 0));
      CREATE INDEX t_expr ON t ((b + 1)) WHERE b > 1;
      CREATE INDEX t_include ON t (id) INCLUDE (b);
      CREATE TABLE r (id int, ta int REFERENCES t (b));
      CREATE VIEW v AS SELECT t.id, t.b AS a FROM t;`,
    renames: [{ from: 't.a', to: 't.b' }],
    scripts: ['Rename column t.a to b'],
  },
  {
    name: 'a column renamed in the file (ALTER TABLE … RENAME COLUMN): the same follow it',
    before: `CREATE TABLE t (id int PRIMARY KEY, a int UNIQUE, CONSTRAINT t_a CHECK (a > 0));
      CREATE INDEX t_expr ON t ((a + 1)) WHERE a > 1;
      CREATE TABLE r (id int, ta int REFERENCES t (a));
      CREATE VIEW v AS SELECT id, a FROM t;`,
    after: `CREATE TABLE t (id int PRIMARY KEY, a int UNIQUE, CONSTRAINT t_a CHECK (a > 0));
      CREATE INDEX t_expr ON t ((a + 1)) WHERE a > 1;
      CREATE TABLE r (id int, ta int REFERENCES t (a));
      CREATE VIEW v AS SELECT id, a FROM t;
      ALTER TABLE t RENAME COLUMN a TO b;`,
    scripts: ['Rename column t.a to b'],
  },
  {
    // The note that a partitioned table has no CONCURRENTLY was on the statement's line, and commented it out (DIFF_SEED=1:17:1:2:2:2:2:2:2:2:2:2:2:2:2).
    name: 'an index added to a partitioned table is created',
    before: `CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`,
    after: `CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE INDEX events_id ON events (id);`,
    scripts: ['Add index events_id on table events'],
  },
  {
    // The switch was only a comment, so even the full script set left the shadow column (DIFF_SEED=9089).
    name: 'a column retyped to an incompatible type reaches the after schema with its contract step',
    before: "CREATE TABLE t (id int PRIMARY KEY, at timestamptz NOT NULL); INSERT INTO t VALUES (1, '2025-01-01 00:00:00+00');",
    after: "CREATE TABLE t (id int PRIMARY KEY, at text NOT NULL); INSERT INTO t VALUES (1, '2025-01-01 00:00:00+00');",
    scripts: [
      'Convert column at in table t from timestamptz to text through a new column',
      'Contract: switch column at of table t to at_new and drop the old values',
    ],
  },
  {
    // The contract step's DROP COLUMN took the column's index and check with it, in both directions.
    name: "an incompatible type change's contract step keeps the column's index and check, and its rollback gives back the old ones",
    before: `CREATE TABLE t (id int PRIMARY KEY, code int NOT NULL CONSTRAINT t_code_check CHECK (code IS NOT NULL));
      CREATE INDEX t_code_idx ON t (code); INSERT INTO t VALUES (1, 7);`,
    after: `CREATE TABLE t (id int PRIMARY KEY, code text NOT NULL CONSTRAINT t_code_check CHECK (code IS NOT NULL));
      CREATE INDEX t_code_idx ON t (code); INSERT INTO t VALUES (1, '7');`,
    scripts: [
      'Convert column code in table t from integer to text through a new column',
      'Contract: switch column code of table t to code_new and drop the old values',
    ],
  },
  {
    // "cannot drop constraint p_pkey on table p because other objects depend on it".
    name: 'a primary key replaced while a foreign key references it: the foreign key is dropped and added again around the swap',
    before: `CREATE TABLE p (id int, code int NOT NULL, CONSTRAINT p_pkey PRIMARY KEY (id));
      CREATE TABLE c (id int, p_id int, CONSTRAINT c_p_fkey FOREIGN KEY (p_id) REFERENCES p (id));`,
    after: `CREATE TABLE p (id int, code int NOT NULL, CONSTRAINT p_pkey PRIMARY KEY (id, code));
      CREATE TABLE c (id int, p_id int);`,
    scripts: ['Replace primary key of table p', 'Drop foreign key c_p_fkey of table c'],
    order: ['Drop foreign key c_p_fkey of table c', 'Replace primary key of table p'],
  },
  {
    // Renamed without --rename: the foreign key's rollback ran while services was still set aside ("relation services does not exist"), so services_r0 could not be dropped (DIFF_SEED=9085).
    name: 'a foreign key moved onto a new table rolls back while the table it left is still set aside',
    before: 'CREATE TABLE services (id int PRIMARY KEY, name text); CREATE TABLE apps (id int, service_id int REFERENCES services (id));',
    // As the catalog has it after the rename: the key keeps its name, so the new table waits for the old one to be set aside.
    after:
      'CREATE TABLE services_r0 (id int CONSTRAINT services_pkey PRIMARY KEY, name text); CREATE TABLE apps (id int, service_id int CONSTRAINT apps_service_id_fkey REFERENCES services_r0 (id));',
    scripts: [
      'Create new table services_r0',
      'Replace foreign key apps_service_id_fkey of table apps',
      'Retire table services',
      'Contract: drop table services kept aside',
    ],
    order: [
      'Retire table services',
      'Create new table services_r0',
      'Replace foreign key apps_service_id_fkey of table apps',
      'Contract: drop table services kept aside',
    ],
  },
];

describe('rollbacks and script order (issue 15)', { timeout: 120_000 }, () => {
  it.each(cases)('$name', async ({ before, after, scripts, order, renames }) => {
    const { report, verification, steps } = await replay(before, after, renames);
    expect(report.migration_scripts.map((s) => s.description)).toEqual(scripts);
    if (order) expect(orderScripts(report.migration_scripts).order.map((i) => report.migration_scripts[i]!.description)).toEqual(order);
    expect(steps).toEqual(scripts.map((s) => `${s}: passed  / passed `));
    expect(verification.after_migration.differences).toEqual([]);
    expect(verification.after_rollback.differences).toEqual([]);
    expect(verification.passed).toBe(true);
  });
});
