import { checkCompatibility, InputDataError, ServiceUnavailableError, type MigrationArchitectError } from '@migration-architect/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadJsonDatabaseSchema } from '../src/index.js';
import { redactSecrets as redactUrl } from '@migration-architect/core';
import { claims, handle } from './source-handles.js';
import { postgresLiveSource, readLivePostgresSchema } from '../src/sources/live/postgres-live-source.js';
import { withReadOnlySession } from '../src/sources/live/read-only-session.js';
import type { DatabaseSchema, Table } from '../src/schema/model.js';
import { clock, registry } from './fixtures.js';
import { freePort } from '../../../tooling/postgres/free-port.js';
import { PostgresServer, PostgresSession } from './postgres-server.js';

/**
 * Reads real databases on the throwaway PostgreSQL from test/global-setup.ts: a realistic schema
 * in scratch databases, read through the live source exactly as `check` reads a URL.
 */
const server = new PostgresServer(inject('postgresUrl'));

function databaseUrl(name: string, change: (url: URL) => void = () => {}): string {
  const url = new URL(server.databaseUrl(name));
  change(url);
  return url.toString();
}

/** Runs a script on its own connection to the database at `url`, as one `psql` call would. */
async function runScript(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const db = await PostgresSession.connect(url);
  try {
    return await db.run(sql);
  } finally {
    await db.close();
  }
}

const BEFORE_DB = 'ma_live_before';
const AFTER_DB = 'ma_live_after';

const SHOP_SCHEMA = `
-- Extension objects (citext's functions land in public) are not the user's schema.
DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS citext; EXCEPTION WHEN OTHERS THEN NULL; END $$;
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  name text,
  status varchar(20) NOT NULL DEFAULT 'active',
  age integer CONSTRAINT users_age_check CHECK (age >= 0 AND age < 200),
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  tags text[] DEFAULT '{}',
  score numeric(10, 2) DEFAULT 0.5
);
COMMENT ON COLUMN users.email IS 'login name';
CREATE TYPE order_state AS ENUM ('open', 'paid', 'shipped');
CREATE TABLE orders (
  id serial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  total numeric(10, 2) NOT NULL DEFAULT 0,
  shipped boolean NOT NULL DEFAULT false,
  note text,
  state order_state NOT NULL DEFAULT 'open'
);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE OF total ON orders FOR EACH ROW
  WHEN (OLD.total IS DISTINCT FROM NEW.total) EXECUTE FUNCTION touch();
CREATE INDEX idx_orders_open ON orders (user_id) WHERE NOT shipped;
CREATE INDEX idx_users_lower_email ON users (lower(email));
CREATE INDEX idx_orders_total ON orders (total DESC);
CREATE VIEW active_users AS SELECT id, email FROM users WHERE status = 'active';
CREATE FUNCTION order_count(p_user bigint) RETURNS integer LANGUAGE sql STABLE
  AS $$ SELECT count(*)::int FROM orders WHERE user_id = p_user $$;
CREATE PROCEDURE archive_orders(IN before_id integer) LANGUAGE plpgsql
  AS $$ BEGIN DELETE FROM orders WHERE id < before_id; END $$;
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (
  id integer PRIMARY KEY,
  order_id integer REFERENCES public.orders (id) ON UPDATE RESTRICT,
  amount numeric(12, 2) NOT NULL,
  amount_cents bigint GENERATED ALWAYS AS ((amount * 100)::bigint) STORED
);
CREATE SEQUENCE billing.invoice_numbers AS integer;
CREATE MATERIALIZED VIEW billing.totals AS SELECT order_id, sum(amount) AS amount FROM billing.invoices GROUP BY order_id;
`;

/** The same shop, a release later: a column dropped, one widened, one added, an index and a view changed. */
const SHOP_CHANGES = `
DROP VIEW active_users;
ALTER TABLE orders DROP COLUMN note;
ALTER TABLE users ALTER COLUMN status TYPE varchar(50);
ALTER TABLE users ADD COLUMN phone text;
DROP INDEX idx_orders_total;
CREATE INDEX idx_orders_user ON orders (user_id, id);
CREATE VIEW active_users AS SELECT id, email, name FROM users WHERE status = 'active';
`;

/** A fresh database (a copy of `template` when given) with `sql` run in it. */
async function recreate(name: string, sql: string, template?: string): Promise<void> {
  await runScript(await server.createDatabase(name, template), sql);
}

async function failure(promise: Promise<unknown>): Promise<MigrationArchitectError> {
  try {
    await promise;
  } catch (error) {
    return error as MigrationArchitectError;
  }
  throw new Error('expected the read to fail');
}

function table(model: DatabaseSchema, key: string): Table {
  const found = model.tables.find((t) => t.key === key);
  if (!found) throw new Error(`no table ${key} in ${model.tables.map((t) => t.key).join(', ')}`);
  return found;
}

/** What a user would write in the JSON format for the same two tables: the loaders must agree. */
const SHOP_AS_JSON = {
  tables: {
    users: {
      columns: {
        id: { type: 'bigint', identity: 'always', primary_key: true },
        email: { type: 'varchar', length: 255, nullable: false, unique: true, comment: 'login name' },
        name: { type: 'text' },
        status: { type: 'varchar(20)', nullable: false, default: 'active' },
        age: { type: 'int' },
        created_at: { type: 'timestamptz', nullable: false, default: 'now()' },
        tags: { type: 'text[]', default: '{}' },
        score: { type: 'decimal(10,2)', default: 0.5 },
      },
    },
    orders: {
      columns: {
        id: { type: 'serial', primary_key: true },
        user_id: { type: 'bigint', nullable: false },
        total: { type: 'numeric(10,2)', nullable: false, default: 0 },
        shipped: { type: 'boolean', nullable: false, default: false },
        note: { type: 'text' },
        state: { type: 'order_state', nullable: false, default: 'open' },
      },
    },
  },
};

describe('live PostgreSQL source', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    await recreate(BEFORE_DB, SHOP_SCHEMA);
    // The same shop a release later: a copy of the first database, changed.
    await recreate(AFTER_DB, SHOP_CHANGES, BEFORE_DB);
  });
  afterAll(async () => {
    await server.dropDatabase(BEFORE_DB);
    await server.dropDatabase(AFTER_DB);
    await server.close();
  });

  it('answers for postgres:// and postgresql:// URLs only', async () => {
    expect(await claims(postgresLiveSource, 'postgres://u@127.0.0.1:1/db')).toBe(true);
    expect(await claims(postgresLiveSource, 'postgresql://u:p@127.0.0.1:1/db')).toBe(true);
    expect(await claims(postgresLiveSource, 'schema.sql')).toBe(false);
    expect(await claims(postgresLiveSource, 'sqlite:app.db')).toBe(false);
  });

  it('reads columns exactly as the JSON loader reads the equivalent document', async () => {
    const live = await readLivePostgresSchema(databaseUrl(BEFORE_DB));
    const json = loadJsonDatabaseSchema(SHOP_AS_JSON, { file: 'shop.json' });
    expect(table(live, 'users').columns).toEqual(table(json, 'users').columns);
    expect(table(live, 'orders').columns).toEqual(table(json, 'orders').columns);
  });

  it('reads tables, constraints, indexes, views and routines of every user schema', async () => {
    const model = await readLivePostgresSchema(databaseUrl(BEFORE_DB));
    expect(model.tables.map((t) => t.key).sort()).toEqual(['billing.invoices', 'orders', 'users']);

    const users = table(model, 'users');
    expect(users).toMatchObject({ schema: 'public', name: 'users' });
    expect(users.primaryKey).toEqual({ name: 'users_pkey', columns: ['id'] });
    expect(users.uniques).toEqual([{ name: 'users_email_key', columns: ['email'] }]);
    expect(users.checks).toEqual([{ name: 'users_age_check', expression: 'age >= 0 AND age < 200' }]);
    // PostgreSQL stores the expression with the cast it resolved.
    expect(users.indexes).toEqual([
      { name: 'idx_users_lower_email', columns: ['lower(email::text)'], unique: false, predicate: null, method: null, canonical: expect.any(String) },
    ]);

    const orders = table(model, 'orders');
    expect(orders.foreignKeys).toEqual([
      {
        name: 'orders_user_id_fkey',
        columns: ['user_id'],
        references: { schema: 'public', name: 'users', columns: ['id'] },
        onDelete: 'CASCADE',
        onUpdate: null,
      },
    ]);
    expect(orders.indexes).toEqual([
      { name: 'idx_orders_open', columns: ['user_id'], unique: false, predicate: 'NOT shipped', method: null, canonical: expect.any(String) },
      { name: 'idx_orders_total', columns: ['total DESC'], unique: false, predicate: null, method: null, canonical: expect.any(String) },
    ]);

    const invoices = table(model, 'billing.invoices');
    expect(invoices).toMatchObject({ schema: 'billing', name: 'invoices' });
    expect(invoices.foreignKeys[0]).toMatchObject({ references: { schema: 'public', name: 'orders', columns: ['id'] }, onDelete: null, onUpdate: 'RESTRICT' });

    // Ordered by schema, then name.
    expect(model.views.map((v) => [v.key, v.schema, v.columns, v.materialized])).toEqual([
      ['billing.totals', 'billing', ['order_id', 'amount'], true],
      ['active_users', 'public', ['id', 'email'], false],
    ]);
    const activeUsers = model.views.find((v) => v.key === 'active_users')!;
    // As pg_get_viewdef deparses it (qualified columns, explicit casts), without the semicolon.
    expect(activeUsers.definition).toMatch(/^SELECT [\s\S]*email[\s\S]*FROM users[\s\S]*WHERE [\s\S]*status[\s\S]*'active'/);
    expect(activeUsers.definition).not.toMatch(/;$/);

    // citext's functions belong to the extension, not to the schema.
    expect(model.routines.map((r) => `${r.kind} ${r.schema}.${r.name}`)).toEqual([
      'procedure public.archive_orders',
      'function public.order_count',
      'function public.touch',
    ]);
    const [archive, count] = model.routines;
    expect(count).toMatchObject({
      section: 'functions',
      parameters: [{ mode: null, name: 'p_user', type: { name: 'bigint' } }],
      returns: 'integer',
      language: 'sql',
      definition: 'SELECT count(*)::int FROM orders WHERE user_id = p_user',
    });
    expect(archive).toMatchObject({
      section: 'procedures',
      parameters: [{ mode: null, name: 'before_id', type: { name: 'integer' } }],
      returns: null,
      language: 'plpgsql',
      definition: 'BEGIN DELETE FROM orders WHERE id < before_id; END',
    });
  });

  it('reads schemas, enums, sequences, triggers and generated columns', async () => {
    const model = await readLivePostgresSchema(databaseUrl(BEFORE_DB));
    expect(model.schemas).toEqual([{ name: 'billing' }]);
    expect(model.enums).toEqual([{ schema: 'public', name: 'order_state', key: 'order_state', values: ['open', 'paid', 'shipped'] }]);
    // The serial's sequence belongs to its column; identity sequences are the column's own.
    expect(model.sequences).toEqual([
      { schema: 'billing', name: 'invoice_numbers', key: 'billing.invoice_numbers', dataType: 'integer', ownedBy: null },
      { schema: 'public', name: 'orders_id_seq', key: 'orders_id_seq', dataType: 'integer', ownedBy: { table: 'orders', column: 'id' } },
    ]);
    expect(model.triggers).toEqual([
      {
        name: 'orders_touch',
        table: 'orders',
        tableName: { schema: 'public', name: 'orders' },
        timing: 'before',
        events: ['update'],
        columns: ['total'],
        forEachRow: true,
        function: 'touch',
        condition: 'old.total IS DISTINCT FROM new.total',
        canonical: expect.any(String),
      },
    ]);
    const cents = table(model, 'billing.invoices').columns.find((c) => c.name === 'amount_cents');
    // As PostgreSQL deparses it, not as a default.
    expect(cents).toMatchObject({ default: null, generated: expect.stringMatching(/^\(\(amount \* .*100.*\)\)::bigint$/) });
  });

  it('checks two live databases through the engine', async () => {
    const before = databaseUrl(BEFORE_DB);
    const after = databaseUrl(AFTER_DB);
    const report = await checkCompatibility(registry, { before, after, clock });
    expect(report.inputs?.before).toEqual({ name: redactUrl(before), source: 'database/postgres-live', dialect: 'postgresql' });
    expect(report.issues.map((i) => i.type).sort()).toEqual(
      ['column_added', 'column_removed', 'index_added', 'index_removed', 'length_increase', 'view_columns_added'].sort(),
    );
    // The report names the databases by their redacted URLs.
    expect(report.issues.every((i) => i.location?.file?.startsWith('postgresql://postgres@127.0.0.1:'))).toBe(true);
    expect(report.overall_compatibility).toBe('breaking_changes');
  });

  it('reads inside a read-only transaction that refuses writes', async () => {
    const url = databaseUrl(BEFORE_DB);
    await withReadOnlySession(url, async (query) => {
      expect(await query<{ transaction_read_only: string }>('SHOW transaction_read_only')).toEqual([{ transaction_read_only: 'on' }]);
      await expect(query('CREATE TABLE sneaky (id int)')).rejects.toMatchObject({ code: '25006' });
    });
    expect(await runScript(url, "SELECT to_regclass('sneaky') IS NULL AS absent")).toEqual([{ absent: true }]);
  });

  it('reports a refused connection with host:port and the reason, never the password', async () => {
    const port = await freePort();
    const url = `postgres://app:hunter2-secret@127.0.0.1:${port}/shop`;
    const error = await failure(Promise.resolve(postgresLiveSource.read(handle(url))));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.exitCode).toBe(69);
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).toMatch(/connection refused/);
    expect(error.describe()).not.toContain('hunter2');
    expect(error.location.file).toBe(`postgres://app:***@127.0.0.1:${port}/shop`);
  });

  it('reports a database that does not exist', async () => {
    const error = await failure(readLivePostgresSchema(databaseUrl('ma_live_no_such_db')));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.exitCode).toBe(69);
    expect(error.message).toMatch(/database "ma_live_no_such_db" does not exist/);
  });

  it('reports a wrong password as an authentication failure without the password', async (context) => {
    const role = 'ma_live_probe';
    if (!(await requirePasswordFor(role))) context.skip('the test server connects as a role that is not a superuser, so it cannot add a password rule');
    try {
      const url = databaseUrl(BEFORE_DB, (u) => {
        u.username = role;
        u.password = 'not-the-Password-42';
      });
      let error = await failure(readLivePostgresSchema(url));
      // pg_reload_conf() is asynchronous: give the postmaster a moment to read the new rules.
      for (let attempt = 0; attempt < 20 && !/authentication/.test(error.message); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        error = await failure(readLivePostgresSchema(url));
      }
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.exitCode).toBe(69);
      expect(error.message).toMatch(/authentication failed for user "ma_live_probe"/);
      expect(error.describe()).not.toContain('not-the-Password-42');
      expect(error.location.file).toContain(`${role}:***@`);
    } finally {
      await restorePasswordRules(role);
    }
  });

  it('rejects a malformed URL as bad input (65), without its password', async () => {
    const error = await failure(readLivePostgresSchema('postgres://app:hunter2-secret@db:port/shop'));
    expect(error).toBeInstanceOf(InputDataError);
    expect(error.exitCode).toBe(65);
    expect(error.describe()).not.toContain('hunter2');
    expect(error.message).toContain('postgres://app:***@db:port/shop');
  });
});

/**
 * The throwaway server trusts every local connection; to see a wrong password refused, put a
 * password rule for one probe role in front of pg_hba.conf and reload. That takes a superuser:
 * false only when the server the tests were given (MA_TEST_PG_URL) connects as someone else.
 * Any other failure fails the test, so the password redaction it checks cannot go unverified.
 */
async function requirePasswordFor(role: string): Promise<boolean> {
  const [who] = await runScript(server.url, 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
  if (who?.rolsuper !== true) return false;
  await runScript(
    server.url,
    `DROP ROLE IF EXISTS ${role}; CREATE ROLE ${role} LOGIN PASSWORD 'the-Right-One-17';
     CREATE TEMP TABLE hba AS SELECT pg_read_file(current_setting('hba_file')) AS content;
     COPY (SELECT 'host all ${role} 127.0.0.1/32 scram-sha-256' UNION ALL
           SELECT * FROM (SELECT replace(line, E'\t', ' ') FROM hba, unnest(string_to_array(content, E'\n')) WITH ORDINALITY AS l(line, n)
                          WHERE line !~ '^s*(#|$)' ORDER BY n) kept)
       TO '${await hbaFile()}';
     SELECT pg_reload_conf();`,
  );
  return true;
}

async function restorePasswordRules(role: string): Promise<void> {
  await runScript(
    server.url,
    `CREATE TEMP TABLE hba AS SELECT pg_read_file(current_setting('hba_file')) AS content;
     COPY (SELECT line FROM hba, unnest(string_to_array(content, E'\n')) WITH ORDINALITY AS l(line, n)
           WHERE line <> '' AND line NOT LIKE '% ${role} %' ORDER BY n)
       TO '${await hbaFile()}';
     SELECT pg_reload_conf();
     DROP ROLE IF EXISTS ${role};`,
  );
}

async function hbaFile(): Promise<string> {
  const [{ hba_file: file }] = (await runScript(server.url, 'SHOW hba_file')) as [{ hba_file: string }];
  return file.replace(/'/g, "''");
}
