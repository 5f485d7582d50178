import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCompatibility, createRegistry, type CompatibilityReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { createDatabasePlugin } from '../src/index.js';

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
 * or safety problem it reports, we report at the same line, or the table below says why it is
 * not one. Squawk's lines are 0-based.
 */
describe('against squawk', () => {
  const squawk = join(import.meta.dirname, '../node_modules/.bin/squawk');
  const ours: Record<string, string[]> = {
    'require-lock-timeout': ['missing-lock-timeout'],
    'prefer-robust-stmts': ['not-rerunnable'],
    'require-concurrent-index-creation': ['index-not-concurrent'],
    'require-concurrent-index-deletion': ['index-not-concurrent'],
    'ban-concurrent-index-creation-in-transaction': ['concurrently-in-transaction'],
    'constraint-missing-not-valid': ['validates-under-lock'],
    'adding-foreign-key-constraint': ['validates-under-lock', 'foreign-key-added'],
    'disallowed-unique-constraint': ['validates-under-lock', 'unique-added'],
    'adding-not-nullable-field': ['validates-under-lock', 'nullability-restriction'],
    'adding-required-field': ['required-column-added'],
    'adding-field-with-default': ['column-added-with-table-rewrite'],
    'changing-column-type': ['incompatible-type-change', 'risky-type-change', 'type-widened', 'length-reduction', 'length-increase'],
    'ban-drop-column': ['column-removed'],
    'ban-drop-table': ['table-removed'],
    'renaming-column': ['column-renamed'],
    'renaming-table': ['table-renamed'],
    'ban-drop-not-null': ['nullability-relaxed'],
    'require-enum-value-ordering': ['enum-value-unpositioned'],
    'require-concurrent-reindex': ['reindex-not-concurrent'],
  };
  const notOurs: Record<string, string> = {
    'require-statement-timeout':
      'statement_timeout bounds how long a statement runs, not how long it blocks others; the lock wait is bounded by lock_timeout (DB603) and long scans are reported as such (DB604)',
    'prefer-text-field': 'a type preference (varchar vs text), not a lock or safety problem of the migration',
    'prefer-timestamp-tz': 'a type preference, not a lock or safety problem of the migration',
    'prefer-bigint-over-int': 'a type preference (future overflow), not a lock or safety problem of the migration',
    'prefer-identity': 'a type preference (serial vs identity), not a lock or safety problem of the migration',
    'ban-char-field': 'a type preference, not a lock or safety problem of the migration',
  };
  /**
   * Squawk findings we judge differently, each with the reason: where Squawk is wrong, we say so
   * here rather than copy it.
   */
  const explained = (rule: string, statement: string, createdInFile: boolean): string | undefined => {
    if (
      rule === 'prefer-robust-stmts' &&
      /ALTER COLUMN \S+ (TYPE|SET NOT NULL|DROP NOT NULL|SET DEFAULT|DROP DEFAULT)|VALIDATE CONSTRAINT|(ENABLE|DISABLE) TRIGGER|ALTER CONSTRAINT/i.test(
        statement,
      )
    )
      return 'idempotent: running it again changes nothing and does not fail';
    if (rule === 'prefer-robust-stmts' && /^CREATE (UNIQUE )?INDEX (CONCURRENTLY )?ON /i.test(statement))
      return 'an unnamed index is named anew on each run (users_email_idx1): running it again does not fail';
    if (rule === 'require-concurrent-index-creation' && createdInFile) return 'the table is created in the same file: empty, so the build blocks nothing';
    if (rule === 'require-concurrent-reindex' && createdInFile) return 'the table is created in the same file: empty, so the rebuild blocks nothing';
    if (
      [
        'constraint-missing-not-valid',
        'adding-foreign-key-constraint',
        'prefer-robust-stmts',
        'disallowed-unique-constraint',
        'adding-not-nullable-field',
        'changing-column-type',
        'adding-serial-primary-key-field',
      ].includes(rule) &&
      createdInFile
    )
      return 'the table is created in the same file: no session uses it yet, so its locks block nobody, and a rerun fails first at its CREATE TABLE';
    if (rule === 'require-lock-timeout' && /^CREATE TYPE/i.test(statement)) return 'CREATE TYPE makes a new type: no query waits on it';
    if (rule === 'require-lock-timeout' && createdInFile) return 'the table is created in the same file: no session waits on it';
    if (rule === 'require-lock-timeout' && /^ALTER TYPE \S+ ADD VALUE/i.test(statement))
      return 'ADD VALUE locks only the type, which queries do not lock: nothing queues behind it';
    return undefined;
  };

  /** Each statement's first line (as our findings name it) and last line: Squawk names the line of the clause. */
  const statementLines = async (text: string) => {
    const { parse } = await import('libpg-query');
    const tree = await parse(text);
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    return (tree.stmts ?? []).map((s) => {
      const start = s.stmt_location ?? 0;
      const body = text.slice(start, start + (s.stmt_len ?? text.length - start));
      const skipped = body.length - body.replace(/^(\s|--[^\n]*\n)*/, '').length;
      return { first: lineOf(start + skipped), last: lineOf(start + body.trimEnd().length), text: body.replace(/^(\s|--[^\n]*\n)*/, '') };
    });
  };

  it('has squawk-cli', () => {
    expect(execFileSync(squawk, ['--version'], { encoding: 'utf8' }).trim()).toBe('squawk 2.66.0');
  });

  it.each(migrations)(
    '%s: every lock or safety problem squawk reports, we report too (or say why not)',
    async (migration) => {
      const file = join(folder, migration);
      let output = '';
      try {
        output = execFileSync(squawk, ['--reporter', 'json', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      } catch (error) {
        // Squawk exits 1 when it finds something; its report is on stdout all the same.
        output = (error as { stdout: string }).stdout;
      }
      const theirs = JSON.parse(output) as { line: number; rule_name: string }[];
      expect(theirs.length).toBeGreaterThan(0);
      const report = await lint(migration);
      const source = readFileSync(file, 'utf8');
      const text = source.split('\n');
      const statements = await statementLines(source);
      const created = new Set([...source.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/gi)].map((m) => m[1]!.toLowerCase()));
      // REINDEX INDEX names the index: its table is the one the file's CREATE INDEX put it on.
      const indexTables = new Map(
        [...source.matchAll(/CREATE (?:UNIQUE )?INDEX (?:CONCURRENTLY )?(?:IF NOT EXISTS )?(\w+) ON (\w+)/gi)].map((m) => [
          m[1]!.toLowerCase(),
          m[2]!.toLowerCase(),
        ]),
      );
      const unmatched = theirs.flatMap(({ line, rule_name: rule }) => {
        const statement = statements.find((s) => s.first <= line + 1 && line + 1 <= s.last);
        if (notOurs[rule] || !statement) return [];
        const ourLine = statement.first;
        const reindexed = /^REINDEX (?:\([^)]*\) )?INDEX (?:CONCURRENTLY )?(\w+)/i.exec(statement.text)?.[1]?.toLowerCase();
        const table = reindexed
          ? (indexTables.get(reindexed) ?? '')
          : (/\b(?:ON|ALTER TABLE(?: ONLY)?(?: IF EXISTS)?|REINDEX (?:\([^)]*\) )?TABLE) "?(\w+)/i.exec(statement.text)?.[1]?.toLowerCase() ?? '');
        if (explained(rule, statement.text, created.has(table))) return [];
        const accepted = ours[rule];
        if (!accepted) return [`line ${ourLine}: ${rule} has no counterpart in the table`];
        const hit = report.issues.some((i) => i.location?.line === ourLine && accepted.includes(i.rule.replace('database/', '')));
        // A finding the file suppresses counts as found.
        const codes = accepted.map((id) => registry.checker('database')!.rules.find((r) => r.id === id)?.code);
        const suppressed = codes.some((code) =>
          text.slice(Math.max(0, ourLine - 3), ourLine - 1).some((l) => l.includes('migration-architect-ignore') && code && l.includes(code)),
        );
        return hit || suppressed ? [] : [`line ${ourLine}: squawk ${rule}, none of ${accepted.join(', ')} from us`];
      });
      expect(unmatched).toEqual([]);
      // Squawk is a separate process: on a loaded CI machine it alone can take seconds.
    },
    30_000,
  );
});
