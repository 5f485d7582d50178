import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCompatibility, createRegistry, type CompatibilityIssue, type MigrationArchitectError } from '@migration-architect/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabasePlugin } from '../src/index.js';
import { TABLE_STATS_QUERY } from '../src/lock-risk/table-stats.js';
import { PostgresServer, PostgresSession } from './postgres-server.js';
import { tempDir } from './temp-dir.js';

/**
 * Lock risk sized from real tables: a database on the throwaway PostgreSQL with tables of known
 * sizes, read as `check --before postgres://…` (or `--stats`), and the estimates checked against
 * the catalog's own figures and the stated throughputs.
 */
const server = new PostgresServer(inject('postgresUrl'));
const DB = 'ma_lock_risk';
const ORDERS = 200_000;
let url = '';
let facts: { ordersRows: number; ordersTotal: number; ordersHeap: number } = { ordersRows: 0, ordersTotal: 0, ordersHeap: 0 };

// Slow enough throughputs that a 200,000-row table crosses the thresholds.
const registry = createRegistry([
  createDatabasePlugin({
    throughput: { validation_rows_per_second: 10_000, index_build_mb_per_second: 1, rewrite_mb_per_second: 2 },
    lock_thresholds: { potentially_breaking_seconds: 1, breaking_seconds: 10 },
  }),
]);

const MIGRATION = `SET lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
ALTER TABLE tiny ADD CONSTRAINT tiny_n_check CHECK (n >= 0);
CREATE INDEX IF NOT EXISTS orders_total_idx ON orders (total);
ALTER TABLE tiny ADD COLUMN IF NOT EXISTS note text;
`;

const at = (issues: CompatibilityIssue[], line: number, rule: string) => issues.find((i) => i.location?.line === line && i.rule === `database/${rule}`);

beforeAll(async () => {
  url = await server.createDatabase(DB);
  const db = await PostgresSession.connect(url);
  try {
    await db.run(`CREATE TABLE orders (id bigint PRIMARY KEY, total integer NOT NULL, note text);
      INSERT INTO orders SELECT g, g % 1000, repeat('x', 40) FROM generate_series(1, ${ORDERS}) g;
      CREATE TABLE tiny (id int PRIMARY KEY, n int);
      INSERT INTO tiny SELECT g, g FROM generate_series(1, 10) g;
      UPDATE tiny SET n = n + 1;
      VACUUM orders;
      VACUUM tiny;`);
    const [row] = await db.run(
      `SELECT reltuples::float8 AS rows, pg_total_relation_size('orders')::float8 AS total, pg_relation_size('orders')::float8 AS heap FROM pg_class WHERE relname = 'orders'`,
    );
    facts = { ordersRows: Number(row!.rows), ordersTotal: Number(row!.total), ordersHeap: Number(row!.heap) };
  } finally {
    await db.close();
  }
}, 120_000);

afterAll(async () => {
  await server.dropDatabase(DB);
  await server.close();
});

describe('lock risk sized from the real tables', () => {
  it('a live --before gives each locking statement its table, rows, size, lock and estimate, with the arithmetic', async () => {
    const report = await checkCompatibility(registry, { before: url, migration: { name: '0042.sql', document: MIGRATION } });
    expect(facts.ordersRows).toBe(ORDERS);
    const scan = at(report.issues, 2, 'validates-under-lock')!;
    expect(scan.lock_risk).toMatchObject({
      object: 'public.orders',
      rows: ORDERS,
      bytes: facts.ordersTotal,
      lock: 'ACCESS EXCLUSIVE',
      work: 'scan',
      estimated_seconds: ORDERS / 10_000,
    });
    expect(scan.lock_risk!.arithmetic).toContain('scan of 200,000 rows ÷ 10,000 rows/s (validation_rows_per_second) = 20 s holding ACCESS EXCLUSIVE');
    // 20 s ≥ 10 s: the threshold raises the finding to breaking, and the report counts it so.
    expect(scan.severity).toBe('breaking');
    expect(scan.lock_risk!.severity_raised_by).toContain('lock_thresholds.breaking_seconds');
    expect(report.overall_compatibility).toBe('breaking_changes');

    const build = at(report.issues, 4, 'index-not-concurrent')!;
    expect(build.lock_risk).toMatchObject({ work: 'index_build', lock: 'SHARE' });
    expect(build.lock_risk!.estimated_seconds).toBeCloseTo(facts.ordersHeap / 1024 / 1024 / 1, 6);

    // Ten rows: sized, but far below any threshold, so the rule's own severity stands.
    const small = at(report.issues, 3, 'validates-under-lock')!;
    expect(small.lock_risk).toMatchObject({ object: 'public.tiny', rows: 10, estimated_seconds: 10 / 10_000, severity_raised_by: null });
    expect(small.severity).toBe('potentially_breaking');
    // A statement that does no work under its lock is not sized.
    expect(report.issues.filter((i) => i.location?.line === 5).every((i) => i.lock_risk === undefined)).toBe(true);
  });

  it('sizes schema changes too: a type change that rewrites the table, from its total size', async () => {
    const report = await checkCompatibility(registry, {
      before: url,
      after: {
        name: 'after.sql',
        document: 'CREATE TABLE orders (id bigint PRIMARY KEY, total bigint NOT NULL, note text);\nCREATE TABLE tiny (id int PRIMARY KEY, n int);',
      },
    });
    const rewrite = report.issues.find((i) => i.field_path.startsWith('tables.orders.columns.total'))!;
    expect(rewrite.lock_risk).toMatchObject({ work: 'rewrite', lock: 'ACCESS EXCLUSIVE', bytes: facts.ordersTotal });
    expect(rewrite.lock_risk!.estimated_seconds).toBeCloseTo(facts.ordersTotal / 1024 / 1024 / 2, 6);
    expect(rewrite.lock_risk!.arithmetic).toContain('if run in place');
  });

  it('--stats takes a stats file exported with the documented query, for a before schema read from a file', async () => {
    const db = await PostgresSession.connect(url);
    const exported = await db.value(`SELECT json_build_object('tables', json_agg(t)) FROM (${TABLE_STATS_QUERY}) t`);
    await db.close();
    const file = join(tempDir(), 'stats.json');
    writeFileSync(file, JSON.stringify(exported));
    const report = await checkCompatibility(registry, {
      before: {
        name: 'schema.sql',
        document: 'CREATE TABLE orders (id bigint PRIMARY KEY, total integer NOT NULL, note text);\nCREATE TABLE tiny (id int PRIMARY KEY, n int);',
      },
      migration: { name: '0042.sql', document: MIGRATION },
      stats: file,
    });
    expect(at(report.issues, 2, 'validates-under-lock')!.lock_risk).toMatchObject({ rows: ORDERS, bytes: facts.ordersTotal, estimated_seconds: 20 });
  });

  it('a stats file with a wrong field is invalid input naming the file and the path (65)', async () => {
    const file = join(tempDir(), 'stats.json');
    writeFileSync(
      file,
      JSON.stringify({
        tables: [
          { schema: 'public', name: 'orders', rows: 'many', table_bytes: 1, total_bytes: 1, n_tup_ins: 0, n_tup_upd: 0, n_tup_del: 0, stats_seconds: 1 },
        ],
      }),
    );
    const error = (await checkCompatibility(registry, {
      before: { name: 'schema.sql', document: 'CREATE TABLE orders (id int);' },
      after: { name: 'after.sql', document: 'CREATE TABLE orders (id int);' },
      stats: file,
    }).catch((e: unknown) => e)) as MigrationArchitectError;
    expect(error.exitCode).toBe(65);
    expect(error.location).toMatchObject({ file, path: 'tables[0].rows' });
  });

  it('the README prints the query the stats are read with', () => {
    expect(readFileSync(join(import.meta.dirname, '../README.md'), 'utf8')).toContain(TABLE_STATS_QUERY);
  });

  it('without statistics nothing is sized', async () => {
    const report = await checkCompatibility(registry, {
      before: {
        name: 'schema.sql',
        document: 'CREATE TABLE orders (id bigint PRIMARY KEY, total integer NOT NULL, note text);\nCREATE TABLE tiny (id int PRIMARY KEY, n int);',
      },
      migration: { name: '0042.sql', document: MIGRATION },
    });
    expect(report.issues.some((i) => i.lock_risk)).toBe(false);
    expect(at(report.issues, 2, 'validates-under-lock')!.severity).toBe('potentially_breaking');
  });
});
