import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile, ReconcileReportSchema, reconcileExitCode, renderReconcileReport } from './engine.js';
import { sourceItems, targetItems, tempDir, writeSqliteItems } from './planted-data.js';
import { expectPlantedItems, table } from './report-assertions.js';

const tmp = tempDir();
const source = join(tmp.dir, 'source.db');
const target = join(tmp.dir, 'target.db');

function sqlite(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

beforeAll(() => {
  writeSqliteItems(source, sourceItems({ micros: true, isoText: true }));
  writeSqliteItems(target, targetItems({ floatNoise: true }));
  // Composite key, text key, and a keyless table with duplicate and NULL keys.
  sqlite(
    source,
    `
    CREATE TABLE order_lines (order_id INTEGER, line INTEGER, sku TEXT, qty INTEGER, PRIMARY KEY (order_id, line));
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO order_lines SELECT i / 3, i % 3, 'sku-' || i, i % 7 FROM n;
    CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT);
    INSERT INTO countries VALUES ('AT', 'Austria'), ('BE', 'Belgium'), ('CH', 'Switzerland'), ('DE', 'Germany'), ('ES', 'Spain'), ('ZZ', 'Nowhere');
    CREATE TABLE events (event_id INTEGER, payload TEXT);
    INSERT INTO events VALUES (1, 'a'), (2, 'b'), (5, 'dup'), (5, 'dup'), (6, 'x'), (NULL, 'no key');
    CREATE TABLE same (id INTEGER PRIMARY KEY, v TEXT);
    INSERT INTO same VALUES (1, 'one'), (2, 'two');`,
  );
  sqlite(
    target,
    `
    CREATE TABLE order_lines (order_id INTEGER, line INTEGER, sku TEXT, qty INTEGER, PRIMARY KEY (order_id, line));
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO order_lines SELECT i / 3, i % 3, 'sku-' || i, i % 7 FROM n;
    DELETE FROM order_lines WHERE order_id = 500 AND line = 1;
    UPDATE order_lines SET qty = 99 WHERE order_id = 700 AND line = 2;
    INSERT INTO order_lines VALUES (5000, 0, 'new', 1);
    CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT);
    INSERT INTO countries VALUES ('AT', 'Austria'), ('BE', 'Belgien'), ('CH', 'Switzerland'), ('DE', 'Germany'), ('FR', 'France'), ('ZZ', 'Nowhere');
    CREATE TABLE events (event_id INTEGER, payload TEXT);
    INSERT INTO events VALUES (1, 'a'), (2, 'b'), (5, 'dup'), (6, 'x');
    CREATE TABLE same (id INTEGER PRIMARY KEY, v TEXT);
    INSERT INTO same VALUES (1, 'one'), (2, 'two');`,
  );
});

afterAll(() => tmp.cleanup());

describe('SQLite ↔ SQLite', () => {
  it('finds every planted difference of every column type and nothing else', async () => {
    const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    expect(() => ReconcileReportSchema.parse(report)).not.toThrow();
    const items = table(report, 'items');
    expectPlantedItems(items);
    expect(items.key).toEqual(['id']);
    expect(items.rows_source).toBe(5000);
    expect(items.rows_target).toBe(4999);
    // Only a few ranges differ, and only their rows were read back.
    expect(items.checksum!.buckets).toBeGreaterThan(20);
    expect(items.performance.source.rows_fetched).toBeLessThan(5000 / 2);
    expect(report.options.hash).toBe('native');
    expect(reconcileExitCode(report)).toBe(1);
  });

  it('without a tolerance, float noise under 1e-9 is a difference too', async () => {
    const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['items'] });
    const ratio = table(report, 'items')
      .differences.changed.filter((d) => d.columns?.some((c) => c.column === 'ratio'))
      .map((d) => Number(d.key.id));
    expect(ratio).toEqual([400, 1500]);
  });

  it('composite keys, text keys', async () => {
    const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['order_lines', 'countries'] });
    const lines = table(report, 'order_lines');
    expect(lines.key).toEqual(['order_id', 'line']);
    expect(lines.differences.missing.map((d) => d.key)).toEqual([{ order_id: '500', line: '1' }]);
    expect(lines.differences.extra.map((d) => d.key)).toEqual([{ order_id: '5000', line: '0' }]);
    expect(lines.differences.changed).toEqual([{ key: { order_id: '700', line: '2' }, columns: [{ column: 'qty', source: '2', target: '99' }] }]);
    const countries = table(report, 'countries');
    expect(countries.differences.missing.map((d) => d.key.code)).toEqual(['ES']);
    expect(countries.differences.extra.map((d) => d.key.code)).toEqual(['FR']);
    expect(countries.differences.changed).toEqual([{ key: { code: 'BE' }, columns: [{ column: 'name', source: 'Belgium', target: 'Belgien' }] }]);
  });

  it('reports duplicate and NULL keys up front and compares their rows as a multiset', async () => {
    const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['events'], key: ['event_id'] });
    const events = table(report, 'events');
    expect(events.key_problems).toMatchObject({
      null_keys_source: 1,
      null_keys_target: 0,
      duplicate_keys_source: 1,
      duplicate_keys_target: 0,
      duplicate_samples_source: [{ event_id: '5' }],
    });
    expect(events.differences.missing).toEqual([
      { key: { event_id: null }, duplicate_key: true },
      { key: { event_id: '5' }, duplicate_key: true },
    ]);
    expect(events.extra).toBe(0);
    expect(events.changed).toBe(0);
    expect(events.warnings.join(' ')).toMatch(/NULL key/);
  });

  it('a table without a primary key is compared by content, as a multiset of whole rows', async () => {
    const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['events'] });
    const events = table(report, 'events');
    expect(events.status).toBe('different');
    expect(events.key).toEqual([]);
    expect(events.differences.missing).toEqual([{ key: { event_id: null, payload: 'no key' } }, { key: { event_id: '5', payload: 'dup' } }]);
    expect(events.extra).toBe(0);
    expect(reconcileExitCode(report)).toBe(1);
  });

  it('--jobs 64 on SQLite starts at most one worker thread per CPU', async () => {
    const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['same'], jobs: 64 });
    expect(report.options.jobs).toBeLessThanOrEqual(availableParallelism());
    expect(report.warnings!.join(' ')).toMatch(/--jobs 64 lowered/);
    expect(report.summary.equal).toBe(true);
  });

  it('equal tables: exit 0; level count says the counts match, never equal', async () => {
    for (const level of ['checksum', 'rows'] as const) {
      const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['same'], level });
      expect(report.summary.equal).toBe(true);
      expect(reconcileExitCode(report)).toBe(0);
    }
    const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['same'], level: 'count' });
    expect(report.summary.equal).toBe(false);
    expect(table(report, 'same').status).toBe('counted');
    expect(renderReconcileReport(report, 'text')).toMatch(/COUNTS MATCH \(content not compared\)/);
    expect(renderReconcileReport(report, 'text')).not.toMatch(/EQUAL/);
    expect(reconcileExitCode(report)).toBe(0);
  });

  it('level checksum lists the differing key ranges without reading rows', async () => {
    const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['items'], level: 'checksum', floatTolerance: 1e-9 });
    const items = table(report, 'items');
    expect(items.missing).toBeNull();
    expect(items.performance.source.rows_fetched).toBe(0);
    // Ranges of the planted rows differ (a range may hold several); the ISO and µs texts are raw
    // differences at this level, since same-engine checksums hash stored values.
    const ranges = items.checksum!.differing_ranges;
    expect(ranges.length).toBe(items.checksum!.differing_buckets);
    const covers = (id: number) => ranges.some((r) => (r.from === null || Number(r.from.id) <= id) && (r.to === null || id < Number(r.to.id)));
    for (const id of [17, 100, 201, 300, 400, 500, 600, 701, 801, 810, 900, 1001, 2500, 9001]) expect(covers(id)).toBe(true);
  });

  it('--tables all pairs tables and reports tables on one side only', async () => {
    sqlite(target, 'CREATE TABLE only_target (id INTEGER PRIMARY KEY)');
    try {
      const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: 'all', level: 'count' });
      expect(report.tables.map((t) => [t.table, t.status])).toContainEqual(['only_target', 'missing_in_source']);
      expect(report.tables.map((t) => t.table)).toEqual(expect.arrayContaining(['items', 'order_lines', 'countries', 'events', 'same']));
    } finally {
      sqlite(target, 'DROP TABLE only_target');
    }
  });

  it('--columns and --exclude narrow the comparison; --where filters both sides', async () => {
    const narrow = table((await reconcile({ source, target, cwd: tmp.dir, tables: ['items'], columns: ['name', 'qty'] })).report, 'items');
    expect(narrow.columns).toEqual(['name', 'qty']);
    expect(narrow.differences.changed.map((d) => Number(d.key.id))).toEqual([100, 300]);
    const excluded = table((await reconcile({ source, target, cwd: tmp.dir, tables: ['items'], exclude: ['note', 'ratio', 'data'] })).report, 'items');
    expect(excluded.columns).not.toContain('note');
    expect(excluded.changed).toBe(6);
    const filtered = table((await reconcile({ source, target, cwd: tmp.dir, tables: ['items'], where: 'id BETWEEN 150 AND 450' })).report, 'items');
    expect(filtered.rows_source).toBe(301);
    expect(filtered.differences.changed.map((d) => Number(d.key.id))).toEqual([201, 300, 400]);
    expect(filtered.missing).toBe(0);
  });

  it('--jobs 3 gives the same answer', async () => {
    const one = table((await reconcile({ source, target, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9, jobs: 1 })).report, 'items');
    const three = table((await reconcile({ source, target, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9, jobs: 3 })).report, 'items');
    expect(three.differences).toEqual(one.differences);
  });

  it('renders text and Markdown with the differences', async () => {
    const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['countries'] });
    const text = renderReconcileReport(report, 'text');
    expect(text).toMatch(/countries: DIFFERENT/);
    expect(text).toMatch(/missing \(source only\): code=ES/);
    expect(text).toMatch(/code=BE: name "Belgium" → "Belgien"/);
    const markdown = renderReconcileReport(report, 'markdown');
    expect(markdown).toMatch(/^# Reconcile: differences found/);
    expect(markdown).toMatch(/\| changed \| code=BE \| `name` \| "Belgium" \| "Belgien" \|/);
    expect(JSON.parse(renderReconcileReport(report, 'json'))).toEqual(report);
  });

  it('fix SQL makes the target equal to the source', async () => {
    const copy = join(tmp.dir, 'fixed.db');
    writeSqliteItems(copy, targetItems({ floatNoise: true }));
    const { fixSql } = await reconcile({ source, target: copy, cwd: tmp.dir, tables: ['items'], fixSql: true, floatTolerance: 1e-9 });
    expect(fixSql).toMatch(/^-- migration-architect reconcile/);
    expect(fixSql).toMatch(/DELETE FROM "items" WHERE "id" = 9001;/);
    sqlite(copy, fixSql!);
    const after = await reconcile({ source, target: copy, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    expect(table(after.report, 'items').status).toBe('equal');
  });

  it('never creates a missing file (66) and refuses a file that is not SQLite (65)', async () => {
    const missing = join(tmp.dir, 'nope.db');
    await expect(reconcile({ source: missing, target, cwd: tmp.dir, tables: ['items'] })).rejects.toMatchObject({ exitCode: 66 });
    expect(existsSync(missing)).toBe(false);
    const text = join(tmp.dir, 'text.db');
    writeFileSync(text, 'hello, not a database');
    await expect(reconcile({ source: text, target, cwd: tmp.dir, tables: ['items'] })).rejects.toMatchObject({ exitCode: 65 });
  });

  it('opens files read-only: an --where that tries to write is refused and nothing changes', async () => {
    await expect(reconcile({ source, target, cwd: tmp.dir, tables: ['same'], where: '1) ; DELETE FROM same; SELECT (1' })).rejects.toMatchObject({
      exitCode: 65,
    });
    const db = new Database(source, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM same').get()).toEqual({ n: 2 });
    db.close();
  });

  it('usage errors: unknown URL scheme, bad --jobs, unknown column (64)', async () => {
    await expect(reconcile({ source: 'mongodb://x/y', target, cwd: tmp.dir, tables: ['items'] })).rejects.toMatchObject({ exitCode: 64 });
    await expect(reconcile({ source: 'data.csv', target, cwd: tmp.dir, tables: ['items'] })).rejects.toMatchObject({ exitCode: 64 });
    await expect(reconcile({ source, target, cwd: tmp.dir, tables: ['items'], jobs: 0 })).rejects.toMatchObject({ exitCode: 64 });
    await expect(reconcile({ source, target, cwd: tmp.dir, tables: ['items'], columns: ['nope'] })).rejects.toMatchObject({ exitCode: 64 });
  });
});
