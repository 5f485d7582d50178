import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { diffDatabaseSchemas } from '../src/schema/diff.js';
import type { DatabaseSchema } from '../src/schema/model.js';
import { readLivePostgresSchema } from '../src/sources/live/postgres-live-source.js';
import { fillCanonicalDefinitions } from '../src/sources/postgresql-sql/canonical-definitions.js';
import { readPostgresqlSql } from '../src/sources/postgresql-sql/postgresql-sql-source.js';
import { replayScripts } from '../src/verify/replay.js';
import type { ScratchEngine } from '../src/verify/scratch-database.js';
import { createServerEngine } from '../src/verify/server-engine.js';
import { PostgresServer, PostgresSession } from './postgres-server.js';
import { checkSql } from './sql-fixtures.js';

/**
 * Domains and exclusion constraints, read from SQL files and from a live catalog, compared, and
 * scripted: every script replayed on the test PostgreSQL forward (must reach the after catalog)
 * and back (must return to the before one).
 */
const server = new PostgresServer(inject('postgresUrl'));
let engine: ScratchEngine;
beforeAll(async () => {
  engine = await createServerEngine(inject('postgresUrl'));
});
afterAll(async () => {
  await engine.close();
  await server.close();
});

const SCHEMA = `
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE DOMAIN "Positive" AS integer CHECK (VALUE > 0);
CREATE DOMAIN email AS varchar(320) COLLATE "C" DEFAULT 'nobody@example.com' NOT NULL
  CONSTRAINT email_at CHECK (VALUE LIKE '%@%') CHECK (length(VALUE) > 3);
CREATE DOMAIN feeling AS mood;
ALTER DOMAIN email ADD CONSTRAINT email_lower CHECK (VALUE = lower(VALUE)) NOT VALID;
CREATE TABLE rooms (
  id integer PRIMARY KEY,
  owner email,
  seats "Positive",
  during tstzrange,
  kind text,
  EXCLUDE USING gist (id WITH =, during WITH &&) WHERE (kind <> 'shared'),
  CONSTRAINT rooms_kind_excl EXCLUDE USING btree (kind WITH =) DEFERRABLE INITIALLY DEFERRED
);
`;

describe('the SQL reader', () => {
  it('reads CREATE DOMAIN, ALTER DOMAIN, RENAME and DROP, and names unnamed checks as PostgreSQL does', async () => {
    const model = await readPostgresqlSql(
      `${SCHEMA}
ALTER DOMAIN email DROP CONSTRAINT email_at;
ALTER DOMAIN email VALIDATE CONSTRAINT email_lower;
ALTER DOMAIN email DROP NOT NULL;
ALTER DOMAIN email SET DEFAULT 'root@example.com';
ALTER DOMAIN "Positive" RENAME TO positive_number;
ALTER DOMAIN positive_number RENAME CONSTRAINT "Positive_check" TO positive_check;
ALTER TYPE mood RENAME TO feeling_kind;
CREATE DOMAIN gone AS text;
DROP DOMAIN gone;`,
      'schema.sql',
    );
    expect(model.domains!.map((d) => ({ key: d.key, type: d.type.name, collation: d.collation, default: d.default, notNull: d.notNull }))).toEqual([
      { key: 'positive_number', type: 'integer', collation: null, default: null, notNull: false },
      { key: 'email', type: 'varchar', collation: 'C', default: "'root@example.com'", notNull: false },
      // A domain over a renamed enum follows it, as PostgreSQL (which refers to it by oid) does.
      { key: 'feeling', type: 'feeling_kind', collation: null, default: null, notNull: false },
    ]);
    expect(model.domains![1]!.checks.map((c) => [c.name, c.notValid ?? false])).toEqual([
      ['email_check', false],
      ['email_lower', false],
    ]);
    expect(model.domains![0]!.checks.map((c) => c.name)).toEqual(['positive_check']);
    // Columns follow a renamed type.
    expect(model.tables[0]!.columns.find((c) => c.name === 'seats')!.type.name).toBe('positive_number');
    expect(model.notCompared?.['domains']).toBeUndefined();
  });

  it('DROP DOMAIN … CASCADE drops the columns of that type, as PostgreSQL does', async () => {
    const model = await readPostgresqlSql(`${SCHEMA}\nDROP DOMAIN email CASCADE;\nDROP TYPE "Positive" CASCADE;`, 'schema.sql');
    expect(model.domains!.map((d) => d.key)).toEqual(['feeling']);
    expect(model.tables[0]!.columns.map((c) => c.name)).toEqual(['id', 'during', 'kind']);
  });

  it('reads exclusion constraints by their parts, with their deferral', async () => {
    const model = await readPostgresqlSql(SCHEMA, 'schema.sql');
    expect(model.tables[0]!.exclusions).toMatchObject([
      {
        name: null,
        method: 'gist',
        elements: [
          { element: 'id', operator: '=' },
          { element: 'during', operator: '&&' },
        ],
        predicate: "kind <> 'shared'",
      },
      { name: 'rooms_kind_excl', method: 'btree', elements: [{ element: 'kind', operator: '=' }], deferrable: true, initiallyDeferred: true },
    ]);
  });
});

describe('the live catalog source', () => {
  let live: DatabaseSchema;
  let file: DatabaseSchema;
  beforeAll(async () => {
    const url = await server.createDatabase('ma_domains_live');
    const db = await PostgresSession.connect(url);
    try {
      await db.run(SCHEMA);
    } finally {
      await db.close();
    }
    live = await fillCanonicalDefinitions(await readLivePostgresSchema(url));
    file = await readPostgresqlSql(SCHEMA, 'schema.sql');
    await server.dropDatabase('ma_domains_live');
  }, 120_000);

  it('reads domains from pg_type and pg_constraint', () => {
    const email = live.domains!.find((d) => d.key === 'email')!;
    expect(email).toMatchObject({ collation: 'C', notNull: true, type: { name: 'varchar', length: 320 } });
    expect(email.checks.map((c) => [c.name, c.notValid ?? false])).toEqual([
      ['email_at', false],
      ['email_check', false],
      ['email_lower', true],
    ]);
    expect(live.domains!.map((d) => d.key).sort()).toEqual(['Positive', 'email', 'feeling']);
    expect(live.notCompared?.['domains']).toBeUndefined();
  });

  it('reads exclusion constraints, btree and gist, as the SQL reader does', () => {
    expect(live.tables[0]!.exclusions).toMatchObject([
      {
        name: 'rooms_id_during_excl',
        method: 'gist',
        elements: [
          { element: 'id', operator: '=' },
          { element: 'during', operator: '&&' },
        ],
      },
      { name: 'rooms_kind_excl', method: 'btree', deferrable: true, initiallyDeferred: true },
    ]);
  });

  it('finds nothing to report between the file and the database built from it, either way', () => {
    expect(diffDatabaseSchemas(file, live).map((c) => `${c.kind} ${c.path}`)).toEqual([]);
    expect(diffDatabaseSchemas(live, file).map((c) => `${c.kind} ${c.path}`)).toEqual([]);
  });
});

/** Checks two files, replays the scripts forward and back on PostgreSQL, and returns the rules that fired. */
async function replayed(before: string, after: string): Promise<string[]> {
  const report = await checkSql(before, after);
  const verification = await replayScripts({ report, before: { name: 'before.sql', sql: [before] }, after: { name: 'after.sql', sql: [after] }, engine });
  expect(verification.scripts.map((s) => `${s.description}: ${s.migration.status} ${s.validation.status} ${s.rollback.status}`)).toEqual(
    report.migration_scripts.map((s) => `${s.description}: passed passed passed`),
  );
  // Both directions: the scripts reach the after schema, and the rollbacks return to the before one.
  expect(verification.after_migration.differences).toEqual([]);
  expect(verification.after_rollback.differences).toEqual([]);
  expect(report.migration_scripts.length).toBeGreaterThan(0);
  return [...new Set(report.issues.map((i) => i.rule.replace('database/', '')))].sort();
}

const BASE = `
CREATE TABLE accounts (id integer PRIMARY KEY, email text, during tstzrange, seats integer);
INSERT INTO accounts VALUES (1, 'a@example.com', tstzrange('2025-01-01', '2025-02-01'), 2), (2, 'b@example.com', tstzrange('2025-03-01', '2025-04-01'), 3);
CREATE DOMAIN seat_count AS integer CHECK (VALUE >= 0);
`;

describe('scripts replayed forward and back', { timeout: 300_000 }, () => {
  it('a new domain is created before the column that uses it, and dropped after it on rollback', async () => {
    const after = `${BASE}
CREATE DOMAIN handle AS text COLLATE "C" DEFAULT 'anon' NOT NULL CONSTRAINT handle_short CHECK (length(VALUE) < 40);
ALTER DOMAIN handle ADD CONSTRAINT handle_lower CHECK (VALUE = lower(VALUE)) NOT VALID;
ALTER TABLE accounts ADD COLUMN nick handle;`;
    expect(await replayed(BASE, after)).toEqual(['column-added', 'domain-added']);
  });

  it('a dropped domain is dropped after its column, and both come back on rollback', async () => {
    const before = `${BASE}\nALTER TABLE accounts ADD COLUMN free_seats seat_count;`;
    expect(await replayed(before, BASE.replace('CREATE DOMAIN seat_count AS integer CHECK (VALUE >= 0);', ''))).toEqual(['column-removed', 'domain-removed']);
  });

  it('checks added NOT VALID and validated, dropped, validated later; default and NOT NULL changed', async () => {
    const before = `${BASE}
ALTER TABLE accounts ADD COLUMN free_seats seat_count DEFAULT 1;
ALTER DOMAIN seat_count ADD CONSTRAINT seat_count_small CHECK (VALUE < 100) NOT VALID;`;
    const after = `${BASE}
ALTER TABLE accounts ADD COLUMN free_seats seat_count DEFAULT 1;
ALTER DOMAIN seat_count ADD CONSTRAINT seat_count_small CHECK (VALUE < 100);
ALTER DOMAIN seat_count DROP CONSTRAINT seat_count_check;
ALTER DOMAIN seat_count ADD CONSTRAINT seat_count_even CHECK (VALUE % 2 = 1) NOT VALID;
ALTER DOMAIN seat_count ADD CONSTRAINT seat_count_positive CHECK (VALUE > 0);
ALTER DOMAIN seat_count SET DEFAULT 4;
ALTER DOMAIN seat_count SET NOT NULL;`;
    const report = await checkSql(before, after);
    // A check's finding points at the line that adds it, not at CREATE DOMAIN.
    const added = report.issues.find((i) => i.rule === 'database/domain-check-added' && i.description.includes('seat_count_even'));
    expect(added?.location?.line).toBe(after.split('\n').findIndex((l) => l.includes('seat_count_even')) + 1);
    expect(await replayed(before, after)).toEqual([
      'domain-check-added',
      'domain-check-removed',
      'domain-check-validated',
      'domain-default-changed',
      'domain-not-null-added',
    ]);
  });

  it('btree and gist exclusion constraints added and removed', async () => {
    const withExclusions = `CREATE EXTENSION IF NOT EXISTS btree_gist;\n${BASE}
ALTER TABLE accounts ADD CONSTRAINT accounts_email_excl EXCLUDE USING btree (email WITH =);
ALTER TABLE accounts ADD EXCLUDE USING gist (seats WITH =, during WITH &&) WHERE (seats > 0) DEFERRABLE;`;
    const plain = `CREATE EXTENSION IF NOT EXISTS btree_gist;\n${BASE}`;
    expect(await replayed(plain, withExclusions)).toEqual(['exclusion-added']);
    expect(await replayed(withExclusions, plain)).toEqual(['exclusion-removed']);
  });

  it('a new table with an exclusion constraint is created with it', async () => {
    const after = `${BASE}\nCREATE TABLE bookings (room integer, during tstzrange, CONSTRAINT no_double_booking EXCLUDE USING gist (during WITH &&));`;
    expect(await replayed(BASE, after)).toEqual(['table-added']);
  });
});
