import { createHash } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reconcile, reconcileExitCode, ReconcileReportSchema } from './engine.js';
import { createDatabase, runSql, sourceItems, targetItems, tempDir, writePostgresItems, writeSqliteItems } from './planted-data.js';
import { expectPlantedItems, table } from './report-assertions.js';

const server = inject('postgresUrl');
const tmp = tempDir();
const drops: (() => Promise<void>)[] = [];
let pgSource: string;
let pgTarget: string;
let pgTargetMs: string;
const sqliteSource = join(tmp.dir, 'source.db');
const sqliteTarget = join(tmp.dir, 'target.db');

async function database(): Promise<string> {
  const db = await createDatabase(server);
  drops.push(db.drop);
  return db.url;
}

/** A URL with a password the server ignores (trust auth): it must never be printed. */
function withPassword(url: string): string {
  const u = new URL(url);
  u.password = 'Sup3r-Secret';
  return u.toString();
}

beforeAll(async () => {
  [pgSource, pgTarget, pgTargetMs] = await Promise.all([database(), database(), database()]);
  await Promise.all([
    writePostgresItems(pgSource, sourceItems({ micros: true })),
    writePostgresItems(pgTarget, targetItems({ floatNoise: true })),
    // Another declared precision: compared at milliseconds, so row 1600's microseconds are no difference.
    writePostgresItems(pgTargetMs, targetItems({ floatNoise: true }), 'timestamp(3)'),
  ]);
  writeSqliteItems(sqliteSource, sourceItems({ micros: true, isoText: true }));
  writeSqliteItems(sqliteTarget, targetItems({ floatNoise: true, uuidCase: true, isoText: true }));
  for (const url of [pgSource, pgTarget]) {
    await runSql(
      url,
      `
      CREATE TABLE order_lines (order_id integer, line smallint, sku text, qty integer, PRIMARY KEY (order_id, line));
      INSERT INTO order_lines SELECT i / 3, i % 3, 'sku-' || i, i % 7 FROM generate_series(1, 3000) i;
      CREATE TABLE countries (code text PRIMARY KEY, name text);
      INSERT INTO countries VALUES ('AT', 'Austria'), ('BE', 'Belgium'), ('CH', 'Switzerland'), ('DE', 'Germany'), ('ES', 'Spain'), ('ZZ', 'Nowhere');
      CREATE TABLE accounts (id uuid PRIMARY KEY, balance numeric(12, 4));
      INSERT INTO accounts SELECT md5(i::text)::uuid, i / 3.0 FROM generate_series(1, 2000) i;`,
    );
  }
  await runSql(
    pgTarget,
    `
    DELETE FROM order_lines WHERE order_id = 500 AND line = 1;
    UPDATE order_lines SET qty = 99 WHERE order_id = 700 AND line = 2;
    INSERT INTO order_lines VALUES (5000, 0, 'new', 1);
    UPDATE countries SET name = 'Belgien' WHERE code = 'BE';
    DELETE FROM countries WHERE code = 'ES';
    INSERT INTO countries VALUES ('FR', 'France');
    UPDATE accounts SET balance = balance + 0.0001 WHERE id = md5('1234')::uuid;
    DELETE FROM accounts WHERE id = md5('77')::uuid;`,
  );
});

afterAll(async () => {
  await Promise.all(drops.map((drop) => drop()));
  tmp.cleanup();
});

describe('PostgreSQL ↔ PostgreSQL', () => {
  it('finds every planted difference of every column type and nothing else', async () => {
    const { report } = await reconcile({ source: pgSource, target: pgTarget, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    expect(() => ReconcileReportSchema.parse(report)).not.toThrow();
    const items = table(report, 'items');
    // Row 1600 carries microseconds in the source only: at timestamp(6) on both sides that is a difference.
    expect(items.differences.changed.map((d) => d.key.id)).toContain('1600');
    expect(items.changed).toBe(12);
    expect(report.options.hash).toBe('native');
  });

  it('columns of different declared types compare at the coarser precision', async () => {
    const { report } = await reconcile({ source: pgSource, target: pgTargetMs, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    expectPlantedItems(table(report, 'items'));
  });

  it('composite, text and UUID keys', async () => {
    const { report } = await reconcile({ source: pgSource, target: pgTarget, cwd: tmp.dir, tables: ['order_lines', 'countries', 'accounts'], jobs: 2 });
    const lines = table(report, 'order_lines');
    expect(lines.differences.missing.map((d) => d.key)).toEqual([{ order_id: '500', line: '1' }]);
    expect(lines.differences.extra.map((d) => d.key)).toEqual([{ order_id: '5000', line: '0' }]);
    expect(lines.differences.changed).toEqual([{ key: { order_id: '700', line: '2' }, columns: [{ column: 'qty', source: '2', target: '99' }] }]);
    const countries = table(report, 'countries');
    expect(countries.differences.missing.map((d) => d.key.code)).toEqual(['ES']);
    expect(countries.differences.extra.map((d) => d.key.code)).toEqual(['FR']);
    expect(countries.differences.changed.map((d) => d.key.code)).toEqual(['BE']);
    const accounts = table(report, 'accounts');
    expect(accounts.checksum!.buckets).toBeGreaterThan(5);
    const md5Uuid = (text: string) =>
      createHash('md5')
        .update(text)
        .digest('hex')
        .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    expect(accounts.differences.missing.map((d) => d.key.id)).toEqual([md5Uuid('77')]);
    expect(accounts.differences.changed.map((d) => d.key.id)).toEqual([md5Uuid('1234')]);
    expect(accounts.missing).toBe(1);
    expect(accounts.changed).toBe(1);
    expect(accounts.differences.changed[0]!.columns).toEqual([{ column: 'balance', source: '411.3333', target: '411.3334' }]);
  });

  it('fix SQL makes the target equal to the source', async () => {
    const copy = await database();
    await writePostgresItems(copy, targetItems({ floatNoise: true }));
    const { fixSql } = await reconcile({ source: pgSource, target: copy, cwd: tmp.dir, tables: ['items'], fixSql: true });
    await runSql(copy, fixSql!);
    const after = await reconcile({ source: pgSource, target: copy, cwd: tmp.dir, tables: ['items'] });
    expect(table(after.report, 'items').status).toBe('equal');
  });

  it('reads in READ ONLY transactions: a --where that writes is refused and changes nothing', async () => {
    await expect(
      reconcile({
        source: pgSource,
        target: pgTarget,
        cwd: tmp.dir,
        tables: ['countries'],
        where: "code <> (SELECT 'x' FROM (DELETE FROM countries RETURNING 1) d LIMIT 1)",
      }),
    ).rejects.toMatchObject({ exitCode: 65 });
    const client = new pg.Client({ connectionString: pgSource });
    await client.connect();
    expect((await client.query('SELECT count(*)::int AS n FROM countries')).rows[0].n).toBe(6);
    await client.end();
  });

  it('an unreachable server is 69 and no message carries the password', async () => {
    const error = await reconcile({ source: 'postgres://app:Sup3r-Secret@127.0.0.1:1/db', target: pgTarget, cwd: tmp.dir, tables: ['items'] }).catch(
      (e: Error) => e,
    );
    expect(error).toMatchObject({ exitCode: 69 });
    expect((error as Error).message).toMatch(/postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/db/);
    expect((error as Error).message).not.toMatch(/Sup3r-Secret/);
  });
});

describe('SQLite ↔ PostgreSQL', () => {
  it('SQLite source, PostgreSQL target: normalized hashes find exactly the planted differences', async () => {
    // The SQLite target holds the source rows here: compare SQLite (all rows) with PostgreSQL (planted).
    const { report } = await reconcile({ source: sqliteSource, target: withPassword(pgTarget), cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    expect(report.options.hash).toBe('canonical');
    expectPlantedItems(table(report, 'items'));
    expect(JSON.stringify(report)).not.toMatch(/Sup3r-Secret/);
    expect(report.target.database).toMatch(/:\*\*\*@/);
    expect(reconcileExitCode(report)).toBe(1);
  });

  it('PostgreSQL source, SQLite target (text UUIDs in upper case, ISO text timestamps)', async () => {
    const { report } = await reconcile({ source: pgSource, target: sqliteTarget, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    expectPlantedItems(table(report, 'items'));
  });

  it('equal data across engines is equal, and only a few ranges are read back', async () => {
    const { report } = await reconcile({ source: sqliteSource, target: pgSource, cwd: tmp.dir, tables: ['items'] });
    const items = table(report, 'items');
    expect(items.status).toBe('equal');
    expect(items.performance.target.rows_fetched).toBeLessThan(1000);
  });

  it('fix SQL for an SQLite target written from PostgreSQL makes it equal', async () => {
    const copy = join(tmp.dir, 'fix-me.db');
    writeSqliteItems(copy, targetItems({ floatNoise: true }));
    const { fixSql } = await reconcile({ source: pgSource, target: copy, cwd: tmp.dir, tables: ['items'], fixSql: true, floatTolerance: 1e-9 });
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(copy);
    db.exec(fixSql!);
    db.close();
    const after = await reconcile({ source: pgSource, target: copy, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    expect(table(after.report, 'items').status).toBe('equal');
  });
});

describe('key orders that disagree', () => {
  it('an ICU collation on PostgreSQL against the binary order of SQLite text keys, and composite keys across engines', async () => {
    const pgUrl = await database();
    const file = join(tmp.dir, 'keys.db');
    // Mixed case and punctuation: ICU orders these very differently from bytes.
    const codes = Array.from({ length: 600 }, (_, i) => `${['a', 'B', 'c', 'D', '_e', '-f', 'É'][i % 7]}${String(i).padStart(3, '0')}${i % 2 ? 'x' : 'Y'}`);
    await runSql(
      pgUrl,
      `
      CREATE TABLE codes (code text COLLATE "und-x-icu" PRIMARY KEY, n integer);
      INSERT INTO codes VALUES ${codes.map((c, i) => `('${c}', ${i})`).join(', ')};
      UPDATE codes SET n = -1 WHERE code = '${codes[123]}';
      DELETE FROM codes WHERE code = '${codes[456]}';
      CREATE TABLE lines (order_id integer, line integer, qty integer, PRIMARY KEY (order_id, line));
      INSERT INTO lines SELECT i / 4, i % 4, i FROM generate_series(0, 1999) i;
      UPDATE lines SET qty = 0 WHERE order_id = 250 AND line = 3;`,
    );
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(file);
    db.exec(
      'CREATE TABLE codes (code TEXT PRIMARY KEY, n INTEGER); CREATE TABLE lines (order_id INTEGER, line INTEGER, qty INTEGER, PRIMARY KEY (order_id, line))',
    );
    const insert = db.prepare('INSERT INTO codes VALUES (?, ?)');
    codes.forEach((c, i) => insert.run(c, i));
    db.exec(
      'WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999) INSERT INTO lines SELECT i / 4, i % 4, i FROM n; INSERT INTO lines VALUES (9999, 0, 1)',
    );
    db.close();
    for (const [source, target] of [
      [file, pgUrl],
      [pgUrl, file],
    ] as const) {
      const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['codes', 'lines'], jobs: 2 });
      const codesReport = table(report, 'codes');
      const [missing, extra] = source === file ? (['missing', 'extra'] as const) : (['extra', 'missing'] as const);
      expect(codesReport.differences[missing].map((d) => d.key.code)).toEqual([codes[456]]);
      expect(codesReport.differences[extra]).toEqual([]);
      expect(codesReport.differences.changed.map((d) => d.key.code)).toEqual([codes[123]]);
      expect(codesReport.checksum!.buckets).toBeGreaterThan(2);
      // The two orders disagree: only bounds sorted on both sides are kept.
      expect(codesReport.warnings.join(' ')).toMatch(/bucket bound\(s\) dropped/);
      const lines = table(report, 'lines');
      expect(lines.differences.changed.map((d) => d.key)).toEqual([{ order_id: '250', line: '3' }]);
      expect(lines.differences[source === file ? 'missing' : 'extra'].map((d) => d.key)).toEqual([{ order_id: '9999', line: '0' }]);
      expect(lines.unchanged).toBe(1999);
    }
  });
});
