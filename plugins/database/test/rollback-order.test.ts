import { checkCompatibility } from '@migration-architect/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { replayScripts } from '../src/verify/replay.js';
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

async function replay(before: string, after: string) {
  const report = await checkCompatibility(registry, {
    type: 'database',
    before: { name: 'before.sql', document: before },
    after: { name: 'after.sql', document: after },
    clock,
  });
  const verification = await replayScripts({ report, before: { name: 'before.sql', sql: [before] }, after: { name: 'after.sql', sql: [after] }, engine });
  const steps = verification.scripts.map(
    (s) => `${s.description}: ${s.migration.status} ${s.migration.error ?? ''} / ${s.rollback.status} ${s.rollback.error ?? ''}`,
  );
  return { report, verification, steps };
}

const cases: { name: string; before: string; after: string; scripts: string[] }[] = [
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
];

describe('rollbacks and script order (issue 15)', { timeout: 120_000 }, () => {
  it.each(cases)('$name', async ({ before, after, scripts }) => {
    const { report, verification, steps } = await replay(before, after);
    expect(report.migration_scripts.map((s) => s.description)).toEqual(scripts);
    expect(steps).toEqual(scripts.map((s) => `${s}: passed  / passed `));
    expect(verification.after_migration.differences).toEqual([]);
    expect(verification.after_rollback.differences).toEqual([]);
    expect(verification.passed).toBe(true);
  });
});
