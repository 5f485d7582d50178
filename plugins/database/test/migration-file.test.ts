import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCompatibility, createRegistry, type CompatibilityReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { createDatabasePlugin } from '../src/index.js';
import { compareWithSquawk, SQUAWK, squawkFindings } from './squawk-differential.js';

const registry = createRegistry([createDatabasePlugin()]);
const folder = join(import.meta.dirname, 'fixtures/migrations');
const schema = join(folder, 'schema.sql');
const migrations = readdirSync(folder)
  .filter((f) => /^\d{4}_.*\.sql$/.test(f))
  .sort();

const lint = (migration: string) => checkCompatibility(registry, { before: schema, migration: join(folder, migration) });
const found = (report: CompatibilityReport) => report.issues.map((i) => `${i.location?.line} ${i.rule.replace('database/', '')}`).sort();

describe('check --before schema.sql --migration file.sql', () => {
  it('traces every schema change to the statement and line that made it, in the migration file', async () => {
    const report = await lint('0001_add_columns.sql');
    const changes = report.issues.filter((i) => i.field_path.startsWith('tables.'));
    expect(changes.map((i) => [i.rule, i.location])).toEqual([
      ['database/column-added', { file: join(folder, '0001_add_columns.sql'), line: 2 }],
      ['database/column-added', { file: join(folder, '0001_add_columns.sql'), line: 3 }],
      ['database/column-added-with-table-rewrite', { file: join(folder, '0001_add_columns.sql'), line: 4 }],
      ['database/required-column-added', { file: join(folder, '0001_add_columns.sql'), line: 5 }],
    ]);
    expect(report.inputs?.after.name).toBe(join(folder, '0001_add_columns.sql'));
  });

  it('lints statements: locks without CONCURRENTLY or lock_timeout, CONCURRENTLY in a transaction, scans under lock, re-runnability', async () => {
    expect(found(await lint('0002_indexes.sql'))).toEqual([
      '1 index-added',
      '1 index-not-concurrent',
      '1 missing-lock-timeout',
      '1 not-rerunnable',
      '2 index-not-concurrent',
      '2 index-removed',
      '2 missing-lock-timeout',
      '2 not-rerunnable',
      '4 concurrently-in-transaction',
      '4 index-added',
      '4 not-rerunnable',
      '6 unique-index-added',
    ]);
    const constraints = found(await lint('0003_constraints.sql'));
    expect(constraints.filter((f) => f.endsWith('validates-under-lock'))).toEqual([
      '2 validates-under-lock',
      '3 validates-under-lock',
      '4 validates-under-lock',
      '5 validates-under-lock',
    ]);
    expect(constraints.some((f) => f.endsWith('missing-lock-timeout'))).toBe(false);
  });

  it('exempts tables the file creates from lock and scan lints, but not the tables their foreign keys lock', async () => {
    expect(found(await lint('0005_new_table.sql'))).toEqual(['2 missing-lock-timeout', '2 table-added']);
  });

  it('a drop and an add in a migration file are what it says, not a guessed rename', async () => {
    const rules = (await lint('0004_destructive.sql')).issues.map((i) => i.rule);
    expect(rules).toContain('database/column-renamed');
    expect(rules.filter((r) => r.endsWith('possibly-renamed'))).toEqual([]);
  });

  it('applies suppressions to the next statement and reports the ones that suppress nothing', async () => {
    const report = await lint('0006_suppressed.sql');
    expect(found(report)).toEqual(['3 index-added', '5 not-rerunnable', '6 unused-suppression', '7 column-added']);
    expect(report.issues.find((i) => i.rule === 'database/unused-suppression')?.description).toBe(
      'line 6: migration-architect-ignore DB601 suppresses nothing at ALTER TABLE users ADD COLUMN IF NOT EXISTS bio text',
    );
    // The comments are acceptances core applied: the report says what each one accepted, like a ledger entry.
    const file = join(folder, '0006_suppressed.sql');
    expect(report.acceptance?.accepted.map((a) => [a.entry.rule, a.entry.written_in, a.issue.rule, a.issue.location?.line])).toEqual([
      ['DB205', `${file}:4`, 'database/check-added', 5],
      ['DB601', `${file}:2`, 'database/index-not-concurrent', 3],
      ['DB604', `${file}:4`, 'database/validates-under-lock', 5],
    ]);
    expect(report.acceptance?.accepted[1]?.entry.reason).toBe('the table has a few hundred rows');
    expect(report.acceptance?.unmatched.map((e) => [e.rule, e.location])).toEqual([['DB601', `${file}:7`]]);
    expect(report.acceptance?.expired).toEqual([]);
  });

  it('closes the gaps against Squawk: DROP CONSTRAINT, ADD VALUE, inline REFERENCES, DROP FUNCTION … CASCADE, and no false alarms', async () => {
    const report = await lint('0007_squawk_gaps.sql');
    const statementRules = new Set(
      registry
        .checker('database')!
        .rules.filter((r) => r.code?.startsWith('DB6'))
        .map((r) => r.id),
    );
    expect(found(report).filter((f) => statementRules.has(f.split(' ')[1]!))).toEqual([
      // Unnamed: a rerun names it users_email_idx1, so no "cannot run twice".
      '13 missing-lock-timeout',
      '14 missing-lock-timeout',
      '14 not-rerunnable',
      '15 missing-lock-timeout',
      '15 not-rerunnable',
      '17 missing-lock-timeout',
      '2 index-not-concurrent',
      '2 missing-lock-timeout',
      '3 missing-lock-timeout',
      '3 not-rerunnable',
      '5 enum-value-unpositioned',
      '5 not-rerunnable',
      '6 missing-lock-timeout',
      '6 not-rerunnable',
      '6 validates-under-lock',
    ]);
    expect(report.issues.find((i) => i.rule === 'database/validates-under-lock')?.description).toContain('ADD COLUMN … REFERENCES');
    expect(report.issues.find((i) => i.location?.line === 14 && i.rule === 'database/missing-lock-timeout')).toBeDefined();
    // Each change at the statement that made it, not at a later statement on the same table.
    const at = (rule: string) => report.issues.find((i) => i.rule === `database/${rule}`)?.location?.line;
    expect([at('column-renamed'), at('foreign-key-added'), at('default-changed')]).toEqual([15, 6, 17]);
  });

  it('REINDEX without CONCURRENTLY locks the table for the rebuild; CONCURRENTLY does not, but fails in a transaction', async () => {
    const report = await lint('0008_reindex.sql');
    expect(found(report).filter((f) => !f.endsWith('-added'))).toEqual([
      '1 missing-lock-timeout',
      '1 reindex-not-concurrent',
      '11 concurrently-in-transaction',
      '3 reindex-not-concurrent',
      '5 reindex-not-concurrent',
      '8 not-rerunnable',
    ]);
    // REINDEX INDEX names no table: the index's own (orders at line 1, the new notes at line 9, exempt) is found from the schema.
    expect(report.issues.find((i) => i.rule === 'database/reindex-not-concurrent')?.description).toContain('blocks writes to the table');
  });

  it('a foreign key added to a new table asks a lock_timeout for the existing table it references, and nothing else', async () => {
    const report = await checkCompatibility(registry, {
      before: schema,
      migration: {
        name: 'fk.sql',
        document:
          'CREATE TABLE IF NOT EXISTS notes (id bigint PRIMARY KEY, user_id bigint);\nALTER TABLE notes ADD CONSTRAINT notes_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
      },
    });
    expect(found(report).filter((f) => !f.endsWith('-added'))).toEqual(['2 missing-lock-timeout']);
  });

  it('reports only the renames the migration makes, not those its before schema made', async () => {
    const report = await checkCompatibility(registry, {
      before: { name: 'before.sql', document: 'CREATE TABLE t (a int NOT NULL);\nALTER TABLE t RENAME COLUMN a TO b;' },
      migration: { name: 'next.sql', document: 'ALTER TABLE t ALTER COLUMN b DROP NOT NULL;' },
    });
    expect(report.issues.map((i) => i.rule).filter((r) => r.includes('renamed'))).toEqual([]);
  });

  it('asks no re-runnability inside BEGIN … COMMIT: a failure rolls the block back', async () => {
    const report = await checkCompatibility(registry, {
      before: schema,
      migration: {
        name: 'tx.sql',
        document: "BEGIN;\nSET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN bio text;\nALTER TABLE users DROP COLUMN legacy_code;\nCOMMIT;",
      },
    });
    expect(report.issues.filter((i) => i.rule === 'database/not-rerunnable')).toEqual([]);
  });

  it('a migration PostgreSQL cannot parse is invalid input naming the file and line', async () => {
    const error = await checkCompatibility(registry, {
      before: schema,
      migration: { name: 'bad.sql', document: 'ALTER TABLE users ADD COLUMN x int;\nALTER TABLE ADD;' },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 65, location: { file: 'bad.sql', line: 2 } });
  });
});

/**
 * Differential test against Squawk (squawk-cli from npm) on the same migration files: every lock
 * or safety problem it reports, we report at the same line, or squawk-differential.ts says why it
 * is not one.
 */
describe('against squawk', () => {
  it('has squawk-cli', () => {
    expect(execFileSync(SQUAWK, ['--version'], { encoding: 'utf8' }).trim()).toBe('squawk 2.66.0');
  });

  it.each(migrations)(
    '%s: every lock or safety problem squawk reports, we report too (or say why not)',
    async (migration) => {
      const file = join(folder, migration);
      const theirs = squawkFindings(file);
      expect(theirs.length).toBeGreaterThan(0);
      const comparison = await compareWithSquawk(registry, readFileSync(file, 'utf8'), theirs, await lint(migration));
      expect(comparison.unmatched).toEqual([]);
      // Squawk is a separate process: on a loaded CI machine it alone can take seconds.
    },
    30_000,
  );
});
