import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mysqlCanonicalExpression } from '../src/engines/mysql/mysql-expressions.js';
import { canonicalValue } from '../src/normalization/canonical-value.js';
import { floatCell } from '../src/normalization/float-cell.js';
import { reconcile, reconcileExitCode } from './engine.js';
import { createMariadbDatabase, runMariadb, writeMariadbItems } from './mariadb-data.js';
import { createDatabase, runSql, sourceItems, targetItems, tempDir, writePostgresItems, writeSqliteItems } from './planted-data.js';
import { expectPlantedItems, table } from './report-assertions.js';

/** MariaDB on a real server (Debian's mariadb-server on loopback), against itself, PostgreSQL and SQLite. */

const mariadb = inject('mariadbUrl');
const postgres = inject('postgresUrl');
const tmp = tempDir();
const drops: (() => Promise<void>)[] = [];
let mdSource: string;
let mdTarget: string;
let pgSource: string;
let pgTarget: string;
const sqliteSource = join(tmp.dir, 'source.db');

async function mariadbDatabase(): Promise<string> {
  const db = await createMariadbDatabase(mariadb);
  drops.push(db.drop);
  return db.url;
}

beforeAll(async () => {
  const [a, b] = await Promise.all([mariadbDatabase(), mariadbDatabase()]);
  mdSource = a;
  mdTarget = b;
  const [c, d] = await Promise.all([createDatabase(postgres), createDatabase(postgres)]);
  drops.push(c.drop, d.drop);
  pgSource = c.url;
  pgTarget = d.url;
  await Promise.all([
    writeMariadbItems(mdSource, sourceItems()),
    writeMariadbItems(mdTarget, targetItems({ floatNoise: true })),
    writePostgresItems(pgSource, sourceItems()),
    writePostgresItems(pgTarget, targetItems({ floatNoise: true })),
  ]);
  writeSqliteItems(sqliteSource, sourceItems());
});

afterAll(async () => {
  await Promise.all(drops.map((drop) => drop()));
  tmp.cleanup();
});

describe('MariaDB', () => {
  it('MariaDB ↔ MariaDB: exactly the planted differences, hashed in the server', async () => {
    const { report } = await reconcile({ source: mdSource, target: mdTarget, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9, jobs: 2 });
    expect(report.source.engine).toBe('mysql');
    // MariaDB 10.11 has CRC32C: the CRC pair replaces md5 on both sides.
    expect(report.options.canonical_hash).toBe('crc');
    expectPlantedItems(table(report, 'items'));
    expect(table(report, 'items').performance.source.rows_fetched).toBeLessThan(2000);
    const same = await reconcile({ source: mdSource, target: mdSource, cwd: tmp.dir, tables: ['items'] });
    expect(table(same.report, 'items').status).toBe('equal');
  });

  it('MariaDB ↔ PostgreSQL both ways: TINYINT(1) booleans, DECIMAL, DATETIME(6), CHAR(36) UUIDs, VARBINARY', async () => {
    const forward = await reconcile({ source: mdSource, target: pgTarget, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    expect(forward.report.options.hash).toBe('canonical');
    // PostgreSQL 15 has no SQL-callable CRC: md5 is the only hash both servers compute.
    expect(forward.report.options.canonical_hash).toBe('md5');
    expectPlantedItems(table(forward.report, 'items'));
    const backward = await reconcile({ source: pgSource, target: mdTarget, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    expectPlantedItems(table(backward.report, 'items'));
    const equal = await reconcile({ source: pgSource, target: mdSource, cwd: tmp.dir, tables: ['public.items'] });
    expect(table(equal.report, 'items').status).toBe('equal');
    expect(table(equal.report, 'items').performance.target.rows_fetched).toBe(0);
  });

  it('MariaDB ↔ SQLite both ways', async () => {
    // CHAR(36) against TEXT is text on both sides: an upper-case UUID would be a real difference, so none is planted here.
    const plainTarget = join(tmp.dir, 'plain-target.db');
    writeSqliteItems(plainTarget, targetItems({ floatNoise: true, isoText: true }));
    const forward = await reconcile({ source: mdSource, target: plainTarget, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    // The SQLite worker computes the CRC pair in JavaScript (crc32-pair.ts), as MariaDB does in C.
    expect(forward.report.options.canonical_hash).toBe('crc');
    expectPlantedItems(table(forward.report, 'items'));
    const equal = await reconcile({ source: sqliteSource, target: mdSource, cwd: tmp.dir, tables: ['items'] });
    expect(table(equal.report, 'items').status).toBe('equal');
  });

  it('fix SQL written for MariaDB from PostgreSQL applies and makes the target equal', async () => {
    const copy = await mariadbDatabase();
    await writeMariadbItems(copy, targetItems({ floatNoise: true }));
    const { fixSql } = await reconcile({ source: pgSource, target: copy, cwd: tmp.dir, tables: ['items'], fixSql: true, floatTolerance: 1e-9 });
    expect(fixSql).toMatch(/^SET time_zone = '\+00:00';$/m);
    await runMariadb(copy.replace(/\?.*$/, ''), fixSql!);
    const again = await reconcile({ source: pgSource, target: copy, cwd: tmp.dir, tables: ['items'], floatTolerance: 1e-9 });
    expect(table(again.report, 'items').status).toBe('equal');
  });

  it('a keyless table, zero dates and a NULL against PostgreSQL: compared by content, fix SQL applies', async () => {
    const target = await mariadbDatabase();
    await runMariadb(
      target,
      `SET SESSION sql_mode = '';
       CREATE TABLE payment (payment_id INT NOT NULL, amount DECIMAL(5,2) NOT NULL, paid_at DATETIME);
       INSERT INTO payment VALUES (1, 1.50, '2024-01-01 10:00:00'), (2, 2.50, '2024-01-02 10:00:00'), (2, 2.50, '2024-01-02 10:00:00'),
         (3, 3.50, '0000-00-00 00:00:00'), (5, 9.99, '2024-01-05 10:00:00');`,
    );
    const source = await createDatabase(postgres);
    drops.push(source.drop);
    const client = new (await import('pg')).default.Client({ connectionString: source.url });
    await client.connect();
    await client.query(`CREATE TABLE payment (payment_id int NOT NULL, amount numeric(5,2) NOT NULL, paid_at timestamp(0));
      INSERT INTO payment VALUES (1, 1.50, '2024-01-01 10:00:00'), (2, 2.50, '2024-01-02 10:00:00'), (3, 3.50, NULL), (4, 4.50, '2024-01-04 10:00:00')`);
    await client.end();
    const { report, fixSql } = await reconcile({ source: source.url, target, cwd: tmp.dir, tables: ['payment'], fixSql: true });
    const payment = table(report, 'payment');
    expect(payment.key).toEqual([]);
    expect(payment.differences.missing.map((d) => d.key.payment_id).sort()).toEqual(['3', '4']);
    expect(payment.differences.extra.map((d) => d.key.payment_id).sort()).toEqual(['2', '3', '5']);
    expect(payment.differences.extra.find((d) => d.key.payment_id === '3')!.key.paid_at).toBe('0000-00-00 00:00:00');
    // The zero date needs a permissive sql_mode to be matched and deleted.
    await runMariadb(target, `SET SESSION sql_mode = '';\n${fixSql!}`);
    const again = await reconcile({ source: source.url, target, cwd: tmp.dir, tables: ['payment'] });
    expect(table(again.report, 'payment').status).toBe('equal');
    expect(reconcileExitCode(again.report)).toBe(0);
  });

  it('IEEE bits of doubles computed in SQL equal the JavaScript ones (powers of two, negatives, tiny and huge values)', async () => {
    const values = [0, -0, 1, -1, 2, 0.5, 1 / 3, -1 / 7, 2 ** 52, 2 ** -1022, 1.7976931348623157e308, 123456.789, -9.87654321e-200, 0.1, 3.0000000000000004];
    const db = await mariadbDatabase();
    await runMariadb(
      db,
      `CREATE TABLE f (i INT PRIMARY KEY, x DOUBLE); INSERT INTO f VALUES ${values.map((v, i) => `(${i}, ${v === 0 ? '0' : v.toExponential(17)})`).join(', ')}`,
    );
    const column = {
      name: 'x',
      shape: { family: 'float', declaredType: 'double' },
      pair: { family: 'float', scale: null, precision: null },
      hashKind: 'canonical',
    };
    const connection = await mysql.createConnection({ uri: db });
    const [rows] = await connection.query({ sql: `SELECT ${mysqlCanonicalExpression(column as never, 0)} FROM f ORDER BY i`, rowsAsArray: true });
    await connection.end();
    expect((rows as string[][]).map((r) => r[0])).toEqual(values.map((v) => floatCell(v, 0)));
  });

  it('timestamps cut to a coarser precision in integers (before 1970 too), zero dates, and utf8mb4 / latin1 text equal the JavaScript canonical text', async () => {
    const times = [
      '1969-12-31 23:59:59.999999',
      '1969-12-31 23:59:59.000001',
      '1969-12-31 23:59:59.000000',
      '1970-01-01 00:00:00.000000',
      '1970-01-01 00:00:00.000999',
      '1900-06-15 12:30:45.123456',
      '2024-02-29 23:59:59.999500',
      '0000-00-00 00:00:00.000000',
      '0000-00-00 10:11:12.000000',
    ];
    const texts = ['plain', 'Zürich', '東京 🚀', '', 'trailing  '];
    const db = await mariadbDatabase();
    await runMariadb(
      db,
      `SET SESSION sql_mode = '';
       CREATE TABLE t (i INT PRIMARY KEY, at DATETIME(6), u TEXT CHARACTER SET utf8mb4, l VARCHAR(20) CHARACTER SET latin1);
       INSERT INTO t VALUES ${times.map((at, i) => `(${i}, '${at}', ${i < texts.length ? `'${texts[i]}'` : 'NULL'}, ${i < 2 ? `'${['Zürich', 'café'][i]}'` : 'NULL'})`).join(', ')}`,
    );
    const connection = await mysql.createConnection({ uri: db, dateStrings: true });
    const [[at, u, l]] = [
      await Promise.all(
        [
          ['at', 'DATETIME(6)', 'timestamp', 'timestamp', null],
          ['u', 'text', 'text', 'text', 'utf8mb4_general_ci'],
          ['l', 'varchar(20)', 'text', 'text', 'latin1_swedish_ci'],
        ].map(async ([name, declaredType, own, family, collation]) => {
          const column = { name, shape: { family: own, declaredType, collation }, pair: { family, scale: null, precision: 3 }, hashKind: 'canonical' };
          const [rows] = await connection.query({
            sql: `SELECT ${mysqlCanonicalExpression(column as never, 0)}, HEX(${mysqlCanonicalExpression(column as never, 0)}), ${name} FROM t ORDER BY i`,
            rowsAsArray: true,
          });
          return { column, rows: rows as string[][] };
        }),
      ),
    ];
    await connection.end();
    for (const { column, rows } of [at!, u!, l!]) {
      for (const [sql, hex, raw] of rows) {
        const expected = canonicalValue(raw ?? null, column as never, 'mysql', 0);
        expect(sql, `${column.name} ${raw}`).toBe(expected);
        // The bytes are UTF-8 (a latin1 column is converted), as the other engines hash them.
        if (expected !== null) expect(hex).toBe(Buffer.from(expected).toString('hex').toUpperCase());
      }
    }
    expect(at!.rows.map((r) => r[0]).slice(0, 3)).toEqual(['-1', '-1000', '-1000']);
  });

  it('DATETIME rows around the bounds of the fixed-length timestamp field hash as the SQLite worker hashes them; a changed millisecond there is found', async () => {
    const times = [
      '1969-12-31 23:59:59.999',
      '2001-09-09 01:46:39.999',
      '2001-09-09 01:46:40.000',
      '2001-09-09 01:46:40.001',
      '2024-02-29 12:00:00.123',
      '2286-11-20 17:46:39.999',
      '2286-11-20 17:46:40.000',
      '9999-12-31 23:59:59.999',
    ];
    const db = await mariadbDatabase();
    await runMariadb(
      db,
      `CREATE TABLE stamps (id INT PRIMARY KEY, at DATETIME(6), at0 DATETIME);
       INSERT INTO stamps VALUES ${times.map((t, i) => `(${i}, '${t}456', '${t.slice(0, 19)}')`).join(', ')}, (${times.length}, NULL, NULL)`,
    );
    const file = join(tmp.dir, 'stamps.db');
    const Database = (await import('better-sqlite3')).default;
    const sqlite = new Database(file);
    sqlite.exec('CREATE TABLE stamps (id INTEGER PRIMARY KEY, at DATETIME, at0 DATETIME)');
    const insert = sqlite.prepare('INSERT INTO stamps VALUES (?, ?, ?)');
    for (const [i, t] of times.entries()) insert.run(i, t, t.slice(0, 19));
    insert.run(times.length, null, null);
    const equal = await reconcile({ source: db, target: file, cwd: tmp.dir, tables: ['stamps'] });
    expect(table(equal.report, 'stamps').status).toBe('equal');
    expect(table(equal.report, 'stamps').performance.source.rows_fetched).toBe(0);
    sqlite.prepare("UPDATE stamps SET at = '2024-02-29 12:00:00.124' WHERE id = 4").run();
    sqlite.close();
    const changed = await reconcile({ source: db, target: file, cwd: tmp.dir, tables: ['stamps'] });
    expect(table(changed.report, 'stamps').differences.changed).toEqual([
      { key: { id: '4' }, columns: [{ column: 'at', source: expect.any(String), target: expect.any(String) }] },
    ]);
  });

  it('--naive-time-zone: DATETIME offsets computed in SQL (no zone tables) equal the JavaScript ones, around every kind of change', async () => {
    // Wall times every 20 minutes across spring-forward gaps and fall-back overlaps, a half-hour
    // DST (Lord Howe), a zone that changed its standard offset (Samoa skipped 2011-12-30) and old dates.
    const days = ['2024-03-10', '2024-11-03', '2024-03-31', '2024-10-27', '2024-04-07', '2024-10-06', '2011-12-29', '2011-12-30', '1969-07-20', '2099-03-29'];
    const walls = days.flatMap((day) =>
      Array.from({ length: 72 }, (_, i) => `${day} ${String(Math.floor(i / 3)).padStart(2, '0')}:${String((i % 3) * 20).padStart(2, '0')}:00.250000`),
    );
    const db = await mariadbDatabase();
    await runMariadb(db, `CREATE TABLE w (i INT PRIMARY KEY, at DATETIME(6)); INSERT INTO w VALUES ${walls.map((w, i) => `(${i}, '${w}')`).join(', ')}`);
    const connection = await mysql.createConnection({ uri: db });
    try {
      for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Apia', 'Asia/Kolkata']) {
        const column = {
          name: 'at',
          shape: { family: 'timestamp', declaredType: 'datetime(6)' },
          pair: { family: 'timestamp', scale: null, precision: 6, zone },
          hashKind: 'canonical',
        };
        const [rows] = await connection.query({ sql: `SELECT ${mysqlCanonicalExpression(column as never, 0)} FROM w ORDER BY i`, rowsAsArray: true });
        const expected = walls.map((w) => canonicalValue(w, column as never, 'mysql', 0));
        expect(
          (rows as string[][]).map((r) => r[0]),
          zone,
        ).toEqual(expected);
      }
    } finally {
      await connection.end();
    }
  });

  it('--naive-time-zone: MariaDB DATETIME against PostgreSQL timestamptz is equal without reading rows back; a TIMESTAMP is not shifted; fix SQL applies', async () => {
    const zone = 'America/New_York';
    const walls = [
      '2024-03-10 01:59:59',
      '2024-03-10 02:30:00',
      '2024-03-10 03:00:00',
      '2024-11-03 01:30:00',
      '2024-11-03 02:00:00',
      '1969-07-20 20:17:40',
      '2024-06-01 12:00:00.123456',
      '2099-12-31 23:59:59',
    ];
    const md = await mariadbDatabase();
    await runMariadb(
      md,
      `SET time_zone = '+00:00'; CREATE TABLE visit (id INT PRIMARY KEY, at DATETIME(6), stamped TIMESTAMP(6) NULL);
       INSERT INTO visit VALUES ${walls.map((w, i) => `(${i}, '${w}', '2024-05-05 10:00:00.5')`).join(', ')}`,
    );
    const { url: pg, drop } = await createDatabase(postgres);
    drops.push(drop);
    await runSql(
      pg,
      `CREATE TABLE visit (id int PRIMARY KEY, at timestamptz(6), stamped timestamptz(6));
       INSERT INTO visit VALUES ${walls.map((w, i) => `(${i}, timestamp '${w}' AT TIME ZONE '${zone}', timestamptz '2024-05-05 10:00:00.5+00')`).join(', ')}`,
    );
    const utc = await reconcile({ source: md, target: pg, cwd: tmp.dir, tables: ['visit'] });
    expect(table(utc.report, 'visit').changed).toBe(walls.length);
    const zoned = await reconcile({ source: md, target: pg, cwd: tmp.dir, tables: ['visit'], naiveTimeZone: zone });
    const visit = table(zoned.report, 'visit');
    expect(visit.status).toBe('equal');
    // Equal hashes in both servers: nothing was read back to compare in JavaScript.
    expect(visit.checksum?.differing_buckets).toBe(0);
    expect(visit.performance.source.rows_fetched + visit.performance.target.rows_fetched).toBe(0);
    // PostgreSQL source, MariaDB target: a planted change, then the fix SQL written as New York wall time.
    // (Not id 1: 02:30 falls in the spring-forward gap, and 03:30 is the same instant.)
    await runMariadb(md, `UPDATE visit SET at = at + INTERVAL 1 HOUR WHERE id IN (5, 6)`);
    const { report, fixSql } = await reconcile({ source: pg, target: md, cwd: tmp.dir, tables: ['visit'], naiveTimeZone: zone, fixSql: true });
    expect(table(report, 'visit').differences.changed.map((d) => d.key.id)).toEqual(['5', '6']);
    // The rows read back: the TIMESTAMP (an instant) is not read as New York wall time.
    expect(JSON.stringify(table(report, 'visit').differences.changed.map((d) => d.columns))).not.toMatch(/stamped/);
    expect(table(report, 'visit').column_mismatches).toEqual({ at: 2 });
    await runMariadb(md, fixSql!);
    const again = await reconcile({ source: pg, target: md, cwd: tmp.dir, tables: ['visit'], naiveTimeZone: zone });
    expect(table(again.report, 'visit').status).toBe('equal');
  });

  it('an unreachable server is 69 and no message carries the password; reading changes nothing', async () => {
    const error = await reconcile({ source: 'mysql://ma:Wr0ng-Pass@127.0.0.1:1/db', target: mdTarget, cwd: tmp.dir, tables: ['items'] }).catch((e: Error) => e);
    expect(error).toMatchObject({ exitCode: 69 });
    expect((error as Error).message).not.toMatch(/Wr0ng-Pass/);
    const connection = await mysql.createConnection({ uri: mdSource });
    const [rows] = await connection.query('SELECT COUNT(*) AS n FROM items');
    await connection.end();
    expect((rows as { n: number }[])[0]!.n).toBe(5000);
  });
});
