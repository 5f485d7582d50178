import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lookup3Int64, lookup3Text } from '../src/hashing/lookup3.js';
import { RowTextFields } from '../src/hashing/row-text-fields.js';
import { canonicalRowText, writeSqliteCanonicalRow } from '../src/normalization/canonical-row.js';
import type { CanonicalColumn } from '../src/normalization/canonical-value.js';
import { reconcile, renderReconcileReport } from './engine.js';
import { createDatabase, runSql, sourceItems, targetItems, tempDir, writePostgresItems, writeSqliteItems } from './planted-data.js';
import { expectPlantedItems, table } from './report-assertions.js';

const server = inject('postgresUrl');
const tmp = tempDir();
const drops: (() => Promise<void>)[] = [];

const js = (text: string, seed = 0n): string => {
  const out: [number, number] = [0, 0];
  lookup3Text(text, out, seed);
  return lookup3Int64(out).toString();
};

/** Texts around lookup3's 12-byte blocks, multibyte UTF-8 that straddles them, and a long one. */
const AWKWARD = [
  '',
  ...Array.from({ length: 40 }, (_, n) => 'abcdefghijklmnopqrstuvwxyz0123456789ABCD'.slice(0, n + 1)),
  'é',
  'ééééé',
  'x'.repeat(11) + 'é',
  'x'.repeat(10) + '€',
  'x'.repeat(11) + '😀',
  '😀'.repeat(3),
  'Ünïcödé ✓ 中文 𝄞',
  '\u0001\u007f',
  'V2:ab' + 'N' + 'V16:3ff0000000000000',
  'long '.repeat(2000),
];

async function serverHashes(url: string, texts: string[], seed: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query({
      text: `SELECT hashtextextended(t COLLATE "C", $2::int8)::text FROM unnest($1::text[]) WITH ORDINALITY AS u(t, i) ORDER BY i`,
      values: [texts, seed],
      rowMode: 'array',
    });
    return rows.map((r) => String(r[0]));
  } finally {
    await client.end();
  }
}

let db: string;
beforeAll(async () => {
  const created = await createDatabase(server);
  drops.push(created.drop);
  db = created.url;
});

afterAll(async () => {
  await Promise.all(drops.map((drop) => drop()));
  tmp.cleanup();
});

describe('lookup3 (PostgreSQL hashtextextended) in JavaScript', () => {
  it('gives values a real PostgreSQL gave (pinned)', () => {
    expect(js('')).toBe(LITERALS.empty);
    expect(js('a')).toBe(LITERALS.a);
    expect(js('abcdefghijkl')).toBe(LITERALS.twelve);
    expect(js('abcdefghijklm')).toBe(LITERALS.thirteen);
    expect(js('Ünïcödé ✓ 中文 𝄞')).toBe(LITERALS.unicode);
    expect(js('migration-architect lookup3 probe')).toBe(LITERALS.probe);
    expect(js('abc', 42n)).toBe(LITERALS.seeded);
  });

  it('matches the server on every length around the 12-byte blocks, multibyte text and a long text, with and without a seed', async () => {
    for (const seed of [0n, 1n, -1n, (1n << 40n) + 5n]) {
      const expected = await serverHashes(db, AWKWARD, seed.toString());
      expect(
        AWKWARD.map((t) => js(t, seed)),
        `seed ${seed}`,
      ).toEqual(expected);
    }
  });

  it('matches the server on arbitrary text', async () => {
    const texts = fc.sample(fc.string({ unit: 'grapheme', maxLength: 80 }), { numRuns: 500, seed: 20 }).filter((t) => !t.includes('\u0000'));
    expect(texts.map((t) => js(t))).toEqual(await serverHashes(db, texts, '0'));
  });

  it('hashes the row written field by field exactly as the text canonicalRowText() spells', () => {
    const columns: CanonicalColumn[] = ['integer', 'float', 'timestamp', 'text', 'decimal'].map((family) => ({
      pair: { family: family as CanonicalColumn['pair']['family'], scale: 2, precision: 6 },
      shape: { family: family as CanonicalColumn['shape']['family'] },
    }));
    const row = fc.tuple(
      fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
      fc.option(fc.double()),
      fc.option(fc.constantFrom('2024-01-02 03:04:05.123', '1969-12-31 23:59:59.999999', 'infinity')),
      fc.option(fc.string({ unit: 'grapheme', maxLength: 30 })),
      fc.option(fc.constantFrom('1.5', '-0.01', '12345678901234567890.12')),
    );
    const fields = new RowTextFields('lookup3');
    fc.assert(
      fc.property(row, (values) => {
        const direct: [number, number] = [0, 0];
        fields.reset();
        writeSqliteCanonicalRow(values, columns, 0, fields);
        fields.finish(direct);
        const viaText: [number, number] = [0, 0];
        lookup3Text(canonicalRowText(values, columns, 'sqlite', 0), viaText);
        expect(direct).toEqual(viaText);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('which hash a cross-engine reconcile uses', () => {
  const sqliteTarget = join(tmp.dir, 'target.db');
  let pgSource: string;
  let shadowed: string;

  beforeAll(async () => {
    const [a, b] = await Promise.all([createDatabase(server), createDatabase(server)]);
    drops.push(a.drop, b.drop);
    pgSource = a.url;
    shadowed = b.url;
    await Promise.all([writePostgresItems(pgSource, sourceItems({ micros: true })), writePostgresItems(shadowed, sourceItems({ micros: true }))]);
    writeSqliteItems(sqliteTarget, targetItems({ floatNoise: true, uuidCase: true, isoText: true }));
    // A server whose hashtextextended is not PostgreSQL's lookup3 (as on a big-endian machine, the
    // values differ): a function of that name earlier on the database's search_path.
    await runSql(
      shadowed,
      `CREATE SCHEMA shadow;
       CREATE FUNCTION shadow.hashtextextended(text, bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT 42::bigint';
       ALTER DATABASE ${new URL(shadowed).pathname.slice(1)} SET search_path = shadow, pg_catalog, public;`,
    );
    for (const [url, file] of [
      [pgSource, join(tmp.dir, 'keyless.db')],
      [shadowed, join(tmp.dir, 'keyless-shadowed.db')],
    ] as const) {
      await runSql(
        url,
        `CREATE TABLE public.ledger (account text, amount numeric(8,2)); INSERT INTO public.ledger SELECT 'acct-' || (i % 50), i / 4.0 FROM generate_series(1, 3000) i;`,
      );
      const lite = new Database(file);
      lite.exec(`CREATE TABLE ledger (account TEXT, amount NUMERIC(8,2));
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO ledger SELECT 'acct-' || (i % 50), i / 4.0 FROM n;
        DELETE FROM ledger WHERE rowid = 1234; UPDATE ledger SET amount = 0.01 WHERE rowid = 2500;`);
      lite.close();
    }
  });

  it('PostgreSQL → SQLite picks lookup3 (the probe matches) and finds exactly the planted differences', async () => {
    const { report } = await reconcile({ source: pgSource, target: sqliteTarget, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    expect(report.options.hash).toBe('canonical');
    expect(report.options.canonical_hash).toBe('lookup3');
    expectPlantedItems(table(report, 'items'));
    expect(renderReconcileReport(report, 'text')).toMatch(/canonical \(lookup3\) hashing/);
  });

  it('a keyless table across engines is partitioned by lookup3 and its differing rows found', async () => {
    const { report } = await reconcile({ source: pgSource, target: join(tmp.dir, 'keyless.db'), cwd: tmp.dir, tables: ['public.ledger'] });
    expect(report.options.canonical_hash).toBe('lookup3');
    const ledger = table(report, 'ledger');
    expect([ledger.missing, ledger.extra]).toEqual([2, 1]);
  });

  it('falls back to md5 when the server hashes the probe differently, and still finds the planted differences', async () => {
    const { report } = await reconcile({ source: shadowed, target: sqliteTarget, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    expect(report.options.canonical_hash).toBe('md5');
    expectPlantedItems(table(report, 'items'));
    const keyless = await reconcile({ source: shadowed, target: join(tmp.dir, 'keyless-shadowed.db'), cwd: tmp.dir, tables: ['public.ledger'] });
    expect(keyless.report.options.canonical_hash).toBe('md5');
    const ledger = table(keyless.report, 'ledger');
    expect([ledger.missing, ledger.extra]).toEqual([2, 1]);
  });

  it('SQLite ↔ SQLite keyless tables hash with lookup3 too (both sides run the JavaScript)', async () => {
    const { report } = await reconcile({ source: join(tmp.dir, 'keyless.db'), target: join(tmp.dir, 'keyless-shadowed.db'), cwd: tmp.dir, tables: ['ledger'] });
    expect(report.options.canonical_hash).toBe('lookup3');
    expect(table(report, 'ledger').status).toBe('equal');
  });
});

/** hashtextextended(text COLLATE "C", seed)::text as PostgreSQL 15.18 on x86-64 (UTF8 database) returned them. */
const LITERALS = {
  empty: '-6939563903564495251',
  a: '3591986179850072241',
  twelve: '-7556637188122330412',
  thirteen: '8871624171452417744',
  unicode: '-1882317965640036818',
  probe: '3890531445213611370',
  seeded: '4423357919252764502',
};
