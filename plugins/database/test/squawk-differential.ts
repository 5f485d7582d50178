import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { CompatibilityReport, createRegistry } from '@migration-architect/core';

/**
 * Squawk (squawk-cli from npm) against our migration-file lint on one file: each of Squawk's
 * findings is matched by one of ours at the same statement, explained (Squawk is wrong there, and
 * the reason says why), left to Squawk (a type preference, not a lock or safety problem), or
 * unmatched (a gap). migration-file.test.ts asserts no gap on the fixtures; squawk-histories.test.ts
 * counts them on real migration histories. Squawk's lines are 0-based.
 */
export const SQUAWK = join(import.meta.dirname, '../node_modules/.bin/squawk');

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
  'prefer-bigint-over-smallint': 'a type preference (future overflow), not a lock or safety problem of the migration',
};
/**
 * Squawk findings we judge differently, each with the reason: where Squawk is wrong, we say so
 * here rather than copy it.
 */
const explained = (rule: string, statement: string, createdInFile: boolean): string | undefined => {
  if (
    rule === 'prefer-robust-stmts' &&
    /ALTER COLUMN \S+ ((SET DATA )?TYPE|SET NOT NULL|DROP NOT NULL|SET DEFAULT|DROP DEFAULT)|VALIDATE CONSTRAINT|(ENABLE|DISABLE) TRIGGER|ALTER CONSTRAINT/i.test(
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
  if (rule === 'require-lock-timeout' && /^(CREATE|DROP) (UNIQUE )?INDEX CONCURRENTLY/i.test(statement))
    return 'CONCURRENTLY takes SHARE UPDATE EXCLUSIVE, which reads and writes do not conflict with: only other DDL and VACUUM could queue behind it';
  if (rule === 'require-lock-timeout' && /^CREATE (OR REPLACE )?FUNCTION/i.test(statement))
    return 'CREATE [OR REPLACE] FUNCTION locks no table, and queries do not lock the functions they call: nothing queues behind it';
  if (rule === 'require-lock-timeout' && /^ALTER TYPE \S+ ADD VALUE/i.test(statement))
    return 'ADD VALUE locks only the type, which queries do not lock: nothing queues behind it';
  return undefined;
};

/** Each statement's first line (as our findings name it) and last line: Squawk names the line of the clause. */
export const statementLines = async (text: string) => {
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

export interface SquawkComparison {
  /** Squawk's findings, each as `line rule` (our line: the statement's first). */
  matched: string[];
  explained: string[];
  notOurs: string[];
  unmatched: string[];
}

/** Squawk's JSON report on a file; it exits 1 when it finds something, with the report on stdout all the same. */
export function squawkFindings(file: string): { line: number; rule_name: string }[] {
  let output = '';
  try {
    output = execFileSync(SQUAWK, ['--reporter', 'json', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  return JSON.parse(output) as { line: number; rule_name: string }[];
}

/** Sorts each of Squawk's findings on `source` against our report on the same file. */
export async function compareWithSquawk(
  registry: ReturnType<typeof createRegistry>,
  source: string,
  theirs: { line: number; rule_name: string }[],
  report: CompatibilityReport,
): Promise<SquawkComparison> {
  const out: SquawkComparison = { matched: [], explained: [], notOurs: [], unmatched: [] };
  const text = source.split('\n');
  const statements = await statementLines(source);
  const created = new Set([...source.matchAll(/CREATE (?:UNLOGGED )?TABLE (?:IF NOT EXISTS )?(?:\w+\.)?"?(\w+)/gi)].map((m) => m[1]!.toLowerCase()));
  // REINDEX INDEX names the index: its table is the one the file's CREATE INDEX put it on.
  const indexTables = new Map(
    [...source.matchAll(/CREATE (?:UNIQUE )?INDEX (?:CONCURRENTLY )?(?:IF NOT EXISTS )?(\w+) ON (\w+)/gi)].map((m) => [
      m[1]!.toLowerCase(),
      m[2]!.toLowerCase(),
    ]),
  );
  for (const { line, rule_name: rule } of theirs) {
    const statement = statements.find((s) => s.first <= line + 1 && line + 1 <= s.last);
    const ourLine = statement?.first ?? line + 1;
    const entry = `${ourLine} ${rule}`;
    if (notOurs[rule] || !statement) {
      out.notOurs.push(entry);
      continue;
    }
    const reindexed = /^REINDEX (?:\([^)]*\) )?INDEX (?:CONCURRENTLY )?(\w+)/i.exec(statement.text)?.[1]?.toLowerCase();
    const table = reindexed
      ? (indexTables.get(reindexed) ?? '')
      : (/\b(?:ON|ALTER TABLE(?: ONLY)?(?: IF EXISTS)?|REINDEX (?:\([^)]*\) )?TABLE) (?:\w+\.)?"?(\w+)/i.exec(statement.text)?.[1]?.toLowerCase() ?? '');
    if (explained(rule, statement.text, created.has(table))) {
      out.explained.push(entry);
      continue;
    }
    const accepted = ours[rule];
    if (!accepted) {
      out.unmatched.push(`${entry} (no counterpart in the table)`);
      continue;
    }
    const hit = report.issues.some((i) => i.location?.line === ourLine && accepted.includes(i.rule.replace('database/', '')));
    // A finding the file suppresses counts as found.
    const codes = accepted.map((id) => registry.checker('database')!.rules.find((r) => r.id === id)?.code);
    const suppressed = codes.some((code) =>
      text.slice(Math.max(0, ourLine - 3), ourLine - 1).some((l) => l.includes('migration-architect-ignore') && code && l.includes(code)),
    );
    if (hit || suppressed) out.matched.push(entry);
    else out.unmatched.push(`${entry}, none of ${accepted.join(', ')} from us`);
  }
  return out;
}
