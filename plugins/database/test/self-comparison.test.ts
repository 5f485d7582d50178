import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkCompatibility, type SchemaInputRef } from '@migration-architect/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { replayScripts } from '../src/verify/replay.js';
import type { ScratchEngine } from '../src/verify/scratch-database.js';
import { createServerEngine } from '../src/verify/server-engine.js';
import { clock, registry } from './fixtures.js';
import { PostgresServer } from './postgres-server.js';
import { findings } from './sql-fixtures.js';

/**
 * PostgreSQL as the oracle for noise: a schema loaded into a real database must read the same from
 * the file, from its pg_dump and from the live catalog (every pair, both ways); and what a changed
 * file reports must replay on PostgreSQL to the after schema and roll back to the before one.
 */
const server = new PostgresServer(inject('postgresUrl'));
const traps = readFileSync(fileURLToPath(new URL('./fixtures/sql/noise-traps.sql', import.meta.url)), 'utf8');
const DATABASE = 'ma_self_comparison';
let engine: ScratchEngine;

beforeAll(async () => {
  const url = await server.createDatabase(DATABASE);
  execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', url], { input: traps });
  engine = await createServerEngine(server.url);
});
afterAll(async () => {
  await engine.close();
  await server.dropDatabase(DATABASE);
  await server.close();
});

async function check(before: SchemaInputRef, after: SchemaInputRef) {
  return checkCompatibility(registry, { type: 'database', before, after, clock });
}

describe('a database compared with its own dump and with the file it came from', { timeout: 120_000 }, () => {
  it('finds nothing, in every direction', async () => {
    const live = server.databaseUrl(DATABASE);
    const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', live], { encoding: 'utf8' });
    const sides: Record<string, SchemaInputRef> = {
      file: { name: 'noise-traps.sql', document: traps },
      dump: { name: 'dump.sql', document: dump },
      live,
    };
    const found: string[] = [];
    for (const [a, before] of Object.entries(sides))
      for (const [b, after] of Object.entries(sides)) {
        if (a === b) continue;
        for (const issue of (await check(before, after)).issues) found.push(`${a} → ${b}: ${issue.description}`);
      }
    expect(found).toEqual([]);
  });
});

describe('changes that were blind spots or scripted as invalid SQL', { timeout: 120_000 }, () => {
  // Function replacements: a replacement string would read `$$` as one `$`.
  const after =
    [
      [' IMMUTABLE AS $$ SELECT lower(t)', ' AS $$ SELECT lower(t)'],
      [
        'price numeric(10, 2) DEFAULT 0,',
        "price numeric(10, 2) DEFAULT 0,\n  seen double precision DEFAULT EXTRACT(epoch FROM now()),\n  stamped timestamp NOT NULL DEFAULT (CURRENT_TIMESTAMP AT TIME ZONE 'UTC'),",
      ],
      ['RETURNS TABLE(id bigint, token text)', 'RETURNS TABLE(id bigint, token text, qty integer)'],
      ['SELECT id, token FROM accounts LIMIT lim', 'SELECT id, token, qty FROM accounts LIMIT lim'],
    ].reduce((sql, [from, to]) => sql.replace(from!, () => to!), traps) +
    "COMMENT ON TABLE accounts IS 'who signs in, and when';\nCOMMENT ON MATERIALIZED VIEW account_moods IS NULL;\n" +
    // Left unvalidated on purpose (old rows break it), and one validated that was not.
    'ALTER TABLE accounts ADD CONSTRAINT price_positive CHECK (price > 0) NOT VALID;\nALTER TABLE accounts VALIDATE CONSTRAINT qty_unsigned;\n';

  it('are reported', async () => {
    const report = await check({ name: 'before.sql', document: traps }, { name: 'after.sql', document: after });
    expect(findings(report)).toEqual([
      'database/check-added potentially_breaking tables.accounts.constraints.check',
      'database/check-modified potentially_breaking tables.accounts.constraints.check',
      'database/column-added additive tables.accounts.columns.seen',
      'database/column-added additive tables.accounts.columns.stamped',
      'database/relation-comment-changed non_breaking tables.accounts.comment',
      'database/relation-comment-changed non_breaking views.account_moods.comment',
      'database/routine-definition-changed non_breaking functions.lower_token',
      'database/routine-signature-changed breaking functions.top_accounts',
    ]);
    const text = report.issues.map((i) => i.description).join('\n');
    expect(text).toContain('lower_token(text) changed from IMMUTABLE to VOLATILE');
    expect(text).toContain('Result of top_accounts(integer) changed from TABLE(id bigint, token text) to TABLE(id bigint, token text, qty integer)');
    const scripts = report.migration_scripts.map((s) => s.script_content).join('\n');
    // A NOT VALID check stays unvalidated; the column's default is SQL, not a quoted string.
    expect(scripts).toContain('ADD CONSTRAINT price_positive CHECK (price > 0) NOT VALID;');
    expect(scripts).not.toContain('VALIDATE CONSTRAINT price_positive');
    expect(scripts).toContain('VALIDATE CONSTRAINT qty_unsigned');
    expect(scripts).toContain('DEFAULT EXTRACT(epoch FROM now())');
    // Kept in the keyword form, which is how the catalog prints the original (quickwit's class).
    expect(scripts).toContain("(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')");
  });

  it('replay on PostgreSQL to the after schema and roll back to the before schema', async () => {
    const report = await check({ name: 'before.sql', document: traps }, { name: 'after.sql', document: after });
    const verification = await replayScripts({ report, before: { name: 'before.sql', sql: [traps] }, after: { name: 'after.sql', sql: [after] }, engine });
    expect(verification.scripts.map((s) => [s.description, s.migration.status, s.rollback.status, s.migration.error ?? s.rollback.error ?? ''])).toEqual(
      report.migration_scripts.map((s) => [s.description, 'passed', 'passed', '']),
    );
    expect(verification.after_migration.differences).toEqual([]);
    expect(verification.after_rollback.differences).toEqual([]);
    expect(verification.passed).toBe(true);
  });
});
