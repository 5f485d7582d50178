import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reconcile, reconcileExitCode, renderReconcileReport } from './engine.js';
import { createDatabase, runSql, tempDir } from './planted-data.js';
import { table } from './report-assertions.js';

/**
 * What a DBA signs off on, on real PostgreSQL: a small shop schema with a keyless partitioned
 * payments table, generated and identity columns, a trigger that stamps updates, foreign keys,
 * char(n) and naive timestamps. The target gets planted differences; the fix SQL reconcile
 * prints is applied (in a non-UTC session) and a second reconcile must find nothing.
 */

const server = inject('postgresUrl');
const tmp = tempDir();
const drops: (() => Promise<void>)[] = [];

async function database(): Promise<string> {
  const db = await createDatabase(server);
  drops.push(db.drop);
  return db.url;
}

const SHOP = `
CREATE TABLE customer (customer_id integer PRIMARY KEY, name text NOT NULL, created timestamp(0));
CREATE TABLE orders (
  order_id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customer,
  amount numeric(10,2) NOT NULL,
  with_tax numeric GENERATED ALWAYS AS (round(amount * 1.2, 2)) STORED,
  last_update timestamptz(0) NOT NULL
);
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_update := now(); RETURN NEW; END $$;
CREATE TRIGGER orders_stamp BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE TABLE payment (payment_id integer NOT NULL, customer_id integer NOT NULL, amount numeric(5,2) NOT NULL, paid_at timestamptz NOT NULL)
  PARTITION BY RANGE (paid_at);
CREATE TABLE payment_2024_h1 PARTITION OF payment FOR VALUES FROM ('2024-01-01 00:00+00') TO ('2024-07-01 00:00+00');
CREATE TABLE payment_2024_h2 PARTITION OF payment FOR VALUES FROM ('2024-07-01 00:00+00') TO ('2025-01-01 00:00+00');
CREATE TABLE note (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text);
CREATE TABLE language (language_id integer PRIMARY KEY, name character(20) NOT NULL);

ALTER TABLE orders DISABLE TRIGGER orders_stamp;
INSERT INTO customer SELECT i, 'customer ' || i, timestamp '2024-01-01' + i * interval '7 hours 13 minutes' FROM generate_series(1, 300) i;
-- Wall-clock times around Berlin's clock changes: skipped (gap) and repeated (fold).
INSERT INTO customer VALUES (901, 'gap', '2024-03-31 02:30:00'), (902, 'fold', '2024-10-27 02:30:00'), (903, 'before fold', '2024-10-27 01:59:59');
INSERT INTO orders (order_id, customer_id, amount, last_update)
  SELECT i, 1 + i % 300, (i * 7 % 1000) / 4.0, timestamptz '2024-06-01 12:00+00' + i * interval '1 minute' FROM generate_series(1, 1000) i;
ALTER TABLE orders ENABLE TRIGGER orders_stamp;
INSERT INTO payment SELECT i, 1 + i % 300, (i % 500) / 5.0, timestamptz '2024-01-01 00:00+00' + i * interval '3 hours' FROM generate_series(1, 2500) i;
-- A keyless table may hold identical rows: payment 7 twice.
INSERT INTO payment SELECT 7, 8, 1.40, timestamptz '2024-01-01 21:00+00';
INSERT INTO note (body) SELECT 'note ' || i FROM generate_series(1, 20) i;
INSERT INTO language VALUES (1, 'English'), (2, 'Italian'), (3, 'Japanese');
`;

/** The planted differences: parents and children missing and extra, changed values, a duplicate and a deleted keyless row. */
const PLANT = `
DELETE FROM orders WHERE customer_id = 42;
DELETE FROM customer WHERE customer_id = 42;
INSERT INTO customer VALUES (5000, 'extra parent', '2024-02-02 10:00:00');
ALTER TABLE orders DISABLE TRIGGER orders_stamp;
INSERT INTO orders (order_id, customer_id, amount, last_update) VALUES (9000, 5000, 1.00, '2024-06-01 00:00+00');
UPDATE orders SET amount = amount + 1 WHERE order_id IN (10, 500);
UPDATE orders SET customer_id = 5000 WHERE order_id = 600;
ALTER TABLE orders ENABLE TRIGGER orders_stamp;
DELETE FROM payment WHERE payment_id = 100;
INSERT INTO payment SELECT * FROM payment WHERE payment_id = 200;
UPDATE payment SET amount = amount + 0.01 WHERE payment_id = 300;
DELETE FROM payment_2024_h1 WHERE ctid = (SELECT ctid FROM payment_2024_h1 WHERE payment_id = 7 LIMIT 1);
DELETE FROM note WHERE id = 5;
UPDATE note SET body = 'edited' WHERE id = 6;
UPDATE language SET name = 'Inglese' WHERE language_id = 2;
`;

const ALL = ['customer', 'orders', 'payment', 'note', 'language'];

let source: string;

beforeAll(async () => {
  source = await database();
  await runSql(source, SHOP);
});

afterAll(async () => {
  await Promise.all(drops.map((drop) => drop()));
  tmp.cleanup();
});

async function plantedTarget(): Promise<string> {
  const target = await database();
  await runSql(target, `${SHOP}\n${PLANT}`);
  return target;
}

describe('sign-off on real PostgreSQL', () => {
  it('the keyless partitioned table is compared by content: a deleted row, a duplicate and a changed amount are found', async () => {
    const target = await plantedTarget();
    const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['payment'] });
    const payment = table(report, 'payment');
    expect(payment.status).toBe('different');
    expect(payment.key).toEqual([]);
    const ids = (rows: { key: Record<string, string | null> }[]) => rows.map((r) => r.key.payment_id).sort();
    // 100 deleted, 300 changed (its old version missing), 7 (one of the two identical rows) deleted.
    expect(ids(payment.differences.missing)).toEqual(['100', '300', '7']);
    // 200 duplicated, 300 with its new amount.
    expect(ids(payment.differences.extra)).toEqual(['200', '300']);
    expect(payment.differences.extra.find((d) => d.key.payment_id === '300')!.key.amount).toBe('60.01');
    expect(reconcileExitCode(report)).toBe(1);
    // An untouched copy is equal by content, not by count.
    const copy = await database();
    await runSql(copy, SHOP);
    const same = await reconcile({ source, target: copy, cwd: tmp.dir, tables: ['payment'] });
    expect(table(same.report, 'payment').status).toBe('equal');
    expect(table(same.report, 'payment').checksum!.buckets).toBeGreaterThan(1);
  });

  it('--tables all finds every planted difference; fix SQL applied in a non-UTC session makes the target equal', async () => {
    const target = await plantedTarget();
    const first = await reconcile({ source, target, cwd: tmp.dir, tables: 'all', fixSql: true, fixSqlDisableTriggers: true });
    expect(first.report.tables.map((t) => t.table).sort()).toEqual([...ALL].sort());
    const customer = table(first.report, 'customer');
    expect(customer.differences.missing.map((d) => d.key.customer_id)).toEqual(['42']);
    expect(customer.differences.extra.map((d) => d.key.customer_id)).toEqual(['5000']);
    const orders = table(first.report, 'orders');
    expect(orders.differences.extra.map((d) => d.key.order_id)).toEqual(['9000']);
    expect(orders.differences.changed.map((d) => d.key.order_id)).toEqual(['10', '500', '600']);
    expect(orders.missing).toBe(4); // customer 42's orders
    expect(table(first.report, 'note').differences.missing.map((d) => d.key.id)).toEqual(['5']);
    const sql = first.fixSql!;
    expect(sql).toContain('SET LOCAL session_replication_role = replica;');
    expect(sql).not.toMatch(/"with_tax"\s*=/);
    expect(sql).toContain('OVERRIDING SYSTEM VALUE');
    // Parents are inserted before their children, children deleted before their parents.
    expect(sql.indexOf('INSERT INTO "public"."customer"')).toBeLessThan(sql.indexOf('INSERT INTO "public"."orders"'));
    expect(sql.indexOf('DELETE FROM "public"."orders"')).toBeLessThan(sql.indexOf('DELETE FROM "public"."customer"'));
    expect(sql).toMatch(/DELETE FROM "public"\."payment" WHERE \(tableoid, ctid\) = \(SELECT tableoid, ctid FROM "public"\."payment" WHERE .* LIMIT 1\);/);
    await runSql(target, `SET TimeZone = 'America/New_York';\n${sql}`);
    const second = await reconcile({ source, target, cwd: tmp.dir, tables: 'all' });
    expect(second.report.tables.filter((t) => t.status !== 'equal').map((t) => t.table)).toEqual([]);
    expect(reconcileExitCode(second.report)).toBe(0);
  });

  it('without disabling triggers, the fix SQL names the triggers that would fire and the generated columns it leaves out', async () => {
    const target = await plantedTarget();
    const { fixSql } = await reconcile({ source, target, cwd: tmp.dir, tables: ['orders'], fixSql: true });
    expect(fixSql).toMatch(/orders has trigger\(s\) orders_stamp: they fire .* --fix-sql-disable-triggers/);
    expect(fixSql).not.toContain('session_replication_role = replica;');
    expect(fixSql).toMatch(/-- orders: generated column\(s\) with_tax are not written/);
  });

  it('foreign keys order the statements even when the fix touches children only through their parents', async () => {
    const target = await plantedTarget();
    // Constraints checked immediately: the fix SQL must hold them after every statement (no replica role).
    await runSql(target, 'ALTER TABLE orders DISABLE TRIGGER orders_stamp');
    const { fixSql } = await reconcile({ source, target, cwd: tmp.dir, tables: ['orders', 'customer'], fixSql: true });
    await runSql(target, `SET TimeZone = 'Asia/Kolkata';\n${fixSql!}`);
    const again = await reconcile({ source, target, cwd: tmp.dir, tables: ['orders', 'customer'] });
    expect(again.report.summary.equal).toBe(true);
  });

  it('char(n) padding is no difference: char(20) against text holding the padded value', async () => {
    const target = await database();
    await runSql(
      target,
      `CREATE TABLE language (language_id integer PRIMARY KEY, name text NOT NULL);
       INSERT INTO language VALUES (1, 'English             '), (2, 'Italian             '), (3, 'Japanese')`,
    );
    const { report } = await reconcile({ source, target, cwd: tmp.dir, tables: ['language'] });
    expect(table(report, 'language').status).toBe('equal');
    // And against SQLite text, padded or not.
    const file = join(tmp.dir, 'language.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE language (language_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
             INSERT INTO language VALUES (1, 'English             '), (2, 'Italian'), (3, 'Japanese  ');`);
    db.close();
    const cross = await reconcile({ source, target: file, cwd: tmp.dir, tables: ['public.language'] });
    expect(table(cross.report, 'language').status).toBe('equal');
  });

  it('timestamp converted to timestamptz in a Berlin session: equal with --naive-time-zone Europe/Berlin, and a warning without', async () => {
    const target = await database();
    await runSql(target, `${SHOP}\nSET TimeZone = 'Europe/Berlin';\nALTER TABLE customer ALTER COLUMN created TYPE timestamptz(0);`);
    const naive = await reconcile({ source, target, cwd: tmp.dir, tables: ['customer'] });
    const customer = table(naive.report, 'customer');
    expect(customer.changed).toBe(303);
    expect(customer.warnings.join(' ')).toMatch(/--naive-time-zone/);
    const zoned = await reconcile({ source, target, cwd: tmp.dir, tables: ['customer'], naiveTimeZone: 'Europe/Berlin' });
    expect(table(zoned.report, 'customer').status).toBe('equal');
    expect(zoned.report.options.naive_time_zone).toBe('Europe/Berlin');
    // A planted change, fixed by SQL applied in yet another zone.
    await runSql(target, `UPDATE customer SET created = created + interval '1 hour' WHERE customer_id IN (7, 902)`);
    const { report, fixSql } = await reconcile({ source, target, cwd: tmp.dir, tables: ['customer'], naiveTimeZone: 'Europe/Berlin', fixSql: true });
    expect(table(report, 'customer').differences.changed.map((d) => d.key.customer_id)).toEqual(['7', '902']);
    expect(fixSql).toMatch(/'2024-\d\d-\d\d \d\d:\d\d:\d\d\.000000\+00'::timestamp\(0\) with time zone/);
    await runSql(target, `SET TimeZone = 'Pacific/Auckland';\n${fixSql!}`);
    const again = await reconcile({ source, target, cwd: tmp.dir, tables: ['customer'], naiveTimeZone: 'Europe/Berlin' });
    expect(table(again.report, 'customer').status).toBe('equal');
  });

  it('nothing compared is an error: a table on neither side (66), two databases without tables (66)', async () => {
    const empty = [await database(), await database()];
    await expect(reconcile({ source: empty[0]!, target: empty[1]!, cwd: tmp.dir, tables: 'all' })).rejects.toMatchObject({
      exitCode: 66,
      message: expect.stringMatching(/no table to compare/),
    });
    await expect(reconcile({ source, target: empty[1]!, cwd: tmp.dir, tables: ['customer', 'nosuch'] })).rejects.toMatchObject({
      exitCode: 66,
      message: expect.stringMatching(/table nosuch exists in neither .*: nothing was compared/),
    });
  });

  it('--level count never says equal', async () => {
    const copy = await database();
    await runSql(copy, SHOP);
    const { report } = await reconcile({ source, target: copy, cwd: tmp.dir, tables: ['payment', 'customer'], level: 'count' });
    expect(report.tables.map((t) => t.status)).toEqual(['counted', 'counted']);
    expect(report.summary.equal).toBe(false);
    expect(renderReconcileReport(report, 'text')).toMatch(/COUNTS MATCH \(content not compared\): 2 table/);
  });
});

describe('keyless table across engines', () => {
  it('PostgreSQL payment against an SQLite copy: differences found, fix SQL applied to SQLite, then equal', async () => {
    const file = join(tmp.dir, 'payment.db');
    const db = new Database(file);
    db.exec('CREATE TABLE payment (payment_id INTEGER NOT NULL, customer_id INTEGER NOT NULL, amount NUMERIC(5,2) NOT NULL, paid_at TIMESTAMP NOT NULL)');
    const client = new pg.Client({ connectionString: source });
    await client.connect();
    await client.query("SET TimeZone = 'UTC'");
    const { rows } = await client.query(
      "SELECT payment_id, customer_id, amount::float8 AS amount, to_char(paid_at, 'YYYY-MM-DD HH24:MI:SS') AS paid_at FROM payment",
    );
    await client.end();
    const insert = db.prepare('INSERT INTO payment VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const r of rows) insert.run(r.payment_id, r.customer_id, r.amount, r.paid_at);
    })();
    db.exec(`DELETE FROM payment WHERE payment_id = 100;
             INSERT INTO payment SELECT * FROM payment WHERE payment_id = 200;
             UPDATE payment SET amount = 0.5 WHERE payment_id = 300;
             DELETE FROM payment WHERE rowid = (SELECT rowid FROM payment WHERE payment_id = 7 LIMIT 1);`);
    db.close();
    const { report, fixSql } = await reconcile({ source, target: file, cwd: tmp.dir, tables: ['public.payment'], fixSql: true });
    const payment = table(report, 'payment');
    expect(report.options.hash).toBe('canonical');
    expect(payment.missing).toBe(3);
    expect(payment.extra).toBe(2);
    const apply = new Database(file);
    apply.exec(fixSql!);
    apply.close();
    const again = await reconcile({ source, target: file, cwd: tmp.dir, tables: ['public.payment'] });
    expect(table(again.report, 'payment').status).toBe('equal');
    expect(reconcileExitCode(again.report)).toBe(0);
  });
});

describe('--jobs against the server', () => {
  it('is capped by the free connections (here the limit of its database), and fails fast with 69 closing every session', async () => {
    const copy = await database();
    await runSql(copy, SHOP);
    const name = new URL(copy).pathname.slice(1);
    await runSql(server, `ALTER DATABASE ${name} CONNECTION LIMIT 8`);
    const { report } = await reconcile({ source: copy, target: copy, cwd: tmp.dir, tables: ['orders'], jobs: 64 });
    expect(report.options.jobs).toBeLessThanOrEqual(4);
    expect(report.warnings!.join(' ')).toMatch(/--jobs 64 lowered to/);
    expect(table(report, 'orders').status).toBe('equal');
    // A role allowed one connection: the second side cannot connect; the run fails at once with 69 and nothing stays open.
    const role = `rc_limited_${process.pid}`;
    await runSql(server, `DROP ROLE IF EXISTS ${role}; CREATE ROLE ${role} LOGIN CONNECTION LIMIT 1`);
    await runSql(copy, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
    const limited = new URL(copy);
    limited.username = role;
    const error = await reconcile({ source: limited.toString(), target: limited.toString(), cwd: tmp.dir, tables: ['orders'], jobs: 8 }).catch((e: Error) => e);
    expect(error).toMatchObject({ exitCode: 69, message: expect.stringMatching(/too many clients|too many connections/) });
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1', [role]);
    await client.end();
    expect(rows[0].n).toBe(0);
    await runSql(copy, `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
    await runSql(server, `DROP ROLE ${role}`);
  });
});
