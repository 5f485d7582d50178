import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reconcile, reconcileExitCode, ReconcileReportSchema } from './engine.js';
import { createMariadbDatabase, runMariadb, writeMariadbItems } from './mariadb-data.js';
import { createDatabase, sourceItems, targetItems, tempDir, writePostgresItems, writeSqliteItems } from './planted-data.js';
import { expectPlantedItems, table } from './report-assertions.js';

/**
 * --hash md5: every table hashed by md5 of its canonical row text on both sides, on real engines
 * (PostgreSQL and MariaDB on loopback, SQLite files), same engine or not.
 */

const postgres = inject('postgresUrl');
const mariadb = inject('mariadbUrl');
const tmp = tempDir();
const drops: (() => Promise<void>)[] = [];
let pgSource: string;
let pgTarget: string;
let mdSource: string;
let mdTarget: string;
const sqliteSource = join(tmp.dir, 'source.db');
const sqliteTarget = join(tmp.dir, 'target.db');

beforeAll(async () => {
  const [a, b] = await Promise.all([createDatabase(postgres), createDatabase(postgres)]);
  const [c, d] = await Promise.all([createMariadbDatabase(mariadb), createMariadbDatabase(mariadb)]);
  drops.push(a.drop, b.drop, c.drop, d.drop);
  [pgSource, pgTarget, mdSource, mdTarget] = [a.url, b.url, c.url, d.url];
  await Promise.all([
    writePostgresItems(pgSource, sourceItems()),
    writePostgresItems(pgTarget, targetItems({ floatNoise: true })),
    writeMariadbItems(mdSource, sourceItems()),
    writeMariadbItems(mdTarget, targetItems({ floatNoise: true })),
  ]);
  writeSqliteItems(sqliteSource, sourceItems());
  writeSqliteItems(sqliteTarget, targetItems({ floatNoise: true }));
});

afterAll(async () => {
  await Promise.all(drops.map((drop) => drop()));
  tmp.cleanup();
});

const pairs = () =>
  [
    ['PostgreSQL ↔ PostgreSQL', pgSource, pgTarget, 'native'],
    ['SQLite ↔ SQLite', sqliteSource, sqliteTarget, 'native'],
    ['MariaDB ↔ MariaDB', mdSource, mdTarget, 'crc'],
    ['MariaDB → SQLite', mdSource, sqliteTarget, 'crc'],
    ['PostgreSQL → SQLite', pgSource, sqliteTarget, 'lookup3'],
    ['MariaDB → PostgreSQL', mdSource, pgTarget, 'md5'],
  ] as const;

describe('--hash md5', () => {
  it('finds exactly the planted differences on every pair of engines, as the default hash does', async () => {
    for (const [name, source, target, usual] of pairs()) {
      const strong = await reconcile({ source, target, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9, hash: 'md5' });
      expect(() => ReconcileReportSchema.parse(strong.report), name).not.toThrow();
      expect(strong.report.options.hash, name).toBe('canonical');
      expect(strong.report.options.canonical_hash, name).toBe('md5');
      expectPlantedItems(table(strong.report, 'items'));
      const auto = await reconcile({ source, target, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
      // Without the option: the fastest hash of the pair (the engines' own ones between equals).
      if (usual === 'native') expect(auto.report.options.hash, name).toBe('native');
      else expect(auto.report.options.canonical_hash, name).toBe(usual);
      expect(table(strong.report, 'items').differences, name).toEqual(table(auto.report, 'items').differences);
    }
  });

  it('equal tables are equal, and a swap of two values between rows of one bucket is found', async () => {
    const same = await reconcile({ source: pgSource, target: pgSource, cwd: tmp.dir, tables: ['items'], hash: 'md5' });
    expect(reconcileExitCode(same.report)).toBe(0);
    expect(table(same.report, 'items').performance.source.rows_fetched).toBe(0);
    // Rows 3001 and 3002 trade names on the target: the multiset of names is unchanged.
    const [c] = await Promise.all([createMariadbDatabase(mariadb)]);
    drops.push(c.drop);
    await writeMariadbItems(c.url, sourceItems());
    await runMariadb(
      c.url,
      'UPDATE items SET name = CASE id WHEN 3001 THEN (SELECT n FROM (SELECT name AS n FROM items WHERE id = 3002) s) ELSE (SELECT n FROM (SELECT name AS n FROM items WHERE id = 3001) s) END WHERE id IN (3001, 3002)',
    );
    const swapped = await reconcile({ source: mdSource, target: c.url, cwd: tmp.dir, tables: ['items'], hash: 'md5' });
    const items = table(swapped.report, 'items');
    expect(items.changed).toBe(2);
    expect(items.differences.changed.map((d) => d.key.id).sort()).toEqual(['3001', '3002']);
    expect(items.checksum!.differing_buckets).toBe(1);
  });

  it('an unknown --hash is a usage error (64)', async () => {
    await expect(reconcile({ source: sqliteSource, target: sqliteTarget, cwd: tmp.dir, tables: ['items'], hash: 'sha1' as 'md5' })).rejects.toMatchObject({
      exitCode: 64,
    });
  });
});
