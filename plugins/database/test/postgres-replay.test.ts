import type { CompatibilityReport } from '@migration-architect/core';
import { afterAll, describe, inject, it, type ExpectStatic } from 'vitest';
import { databaseRules } from '../src/index.js';
import { awkwardNamesChanged, awkwardNamesSchema, baseSchema, check, readExample } from './fixtures.js';
import { PostgresServer } from './postgres-server.js';
import { ruleCases } from './rule-cases.js';

/**
 * Runs the generated SQL on a real PostgreSQL: builds the "before" schema from scripts generated
 * against an empty schema, applies every migration script, runs every validation query, then
 * every rollback script. The server comes from test/global-setup.ts (MA_TEST_PG_URL, or a
 * throwaway one it starts on loopback). Each distinct "before" database is built once, as a
 * template; every test replays on its own copy.
 */
const server = new PostgresServer(inject('postgresUrl'));
afterAll(() => server.close());

/** Deployment-specific placeholders get test values. */
function fill(sql: string): string {
  return sql.replace(/\{backfill_value\}/g, "'x'");
}

/** Tables, columns, constraints, indexes, views and routines of schema public, one sorted line each. */
const CATALOG_SNAPSHOT = `
SELECT string_agg(line, E'\\n' ORDER BY line) FROM (
  SELECT format('column %s.%s %s notnull=%s default=%s identity=%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity) AS line
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT format('index %s', pg_get_indexdef(indexrelid)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = 'public'::regnamespace
  UNION ALL SELECT format('view %s %s', viewname, definition) FROM pg_views WHERE schemaname = 'public'
  UNION ALL SELECT format('routine %s', oid::regprocedure) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
  UNION ALL SELECT format('relation %s %s', relname, relkind) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S', 'v')
) lines;`;

/** The "before" database: its schema from the scripts generated against an empty one, then the rows. */
function beforeDatabase(before: unknown, seed: string): Promise<string> {
  const setup = check({}, before).migration_scripts.map((script) => fill(script.script_content));
  return server.template('ma_replay_before', JSON.stringify([setup, seed]), async (db) => {
    for (const script of setup) await db.run(script);
    await db.run(seed);
  });
}

async function replay(expect: ExpectStatic, name: string, before: unknown, after: unknown, seed: string): Promise<CompatibilityReport> {
  const template = await beforeDatabase(before, seed);
  return server.withScratchDatabase(
    name,
    async (db) => {
      const original = await db.value(CATALOG_SNAPSHOT);
      const report = check(before, after);
      // This release: contract steps run in a later one, once readers moved (their replay is in
      // rollback-order.test.ts and the differential test, which follow the release order of --verify).
      const release = report.migration_scripts.filter((script) => script.release !== 'later');
      for (const script of release) await db.run(fill(script.script_content));
      for (const script of release) await db.run(script.validation_query);
      for (const script of [...release].reverse()) await db.run(fill(script.rollback_script));
      // Rolled back means back to the same catalog, not merely "the scripts ran".
      expect(await db.value(CATALOG_SNAPSHOT)).toBe(original);
      return report;
    },
    { template },
  );
}

const BASE_ROWS = `
INSERT INTO users (email, name, age, status) VALUES ('a@example.com', 'Ann', 30, 'active'), ('b@example.com', 'Bob', 40, 'active');
INSERT INTO orders (id, user_id, total) SELECT id, id, 9.99 FROM users;`;

// Concurrent: each test replays on its own copy of the template, and while PostgreSQL runs one test's scripts, another's are generated.
describe.concurrent('generated SQL replayed on PostgreSQL', { timeout: 60_000 }, () => {
  // Rules with a seed-format case; the others are replayed from SQL fixtures in sql-rules.test.ts.
  for (const rule of databaseRules.filter((r) => ruleCases[r.id])) {
    it(`${rule.id}: migration, validation and rollback run`, async ({ expect }) => {
      const testCase = ruleCases[rule.id]!;
      const before = baseSchema();
      const after = baseSchema();
      testCase.before?.(before);
      testCase.after(after);
      const report = await replay(expect, `ma_rule_${rule.id.replace(/-/g, '_')}`, before, after, BASE_ROWS);
      expect(report.issues).toHaveLength(1);
    });
  }

  it('the seed sample: every migration, validation and rollback script runs', async ({ expect }) => {
    const seed = `
INSERT INTO users (username, email, password_hash, first_name, phone) VALUES ('ann', 'ann@example.com', repeat('x', 60), 'Ann', '+15551234567');
INSERT INTO user_profiles (user_id, bio) SELECT id, 'hello' FROM users;
INSERT INTO user_sessions (id, user_id, expires_at) SELECT 's1', id, now() + interval '1 day' FROM users;`;
    const report = await replay(expect, 'ma_seed_sample', readExample('database_schema_before.json'), readExample('database_schema_after.json'), seed);
    expect(report.migration_scripts.length).toBeGreaterThan(20);
  });

  it('reserved, mixed-case and quote-containing names', async ({ expect }) => {
    const report = await replay(
      expect,
      'ma_awkward_names',
      awkwardNamesSchema(),
      awkwardNamesChanged(),
      `INSERT INTO "user" ("group", "Order") VALUES ('a', 1);`,
    );
    expect(report.migration_scripts.length).toBeGreaterThan(3);
  });
});
