import { formatPath, InputDataError, type InlineAcceptance, type LintFinding, type SchemaInputHandle, type SchemaRead } from '@migration-architect/core';
import type { DatabaseSchema, MigrationStatement } from '../schema/model.js';
import { notComparedWarnings } from '../schema/not-compared.js';
import { objectKey } from '../schema/qualified-name.js';
import { applyDoBlock } from '../sources/postgresql-sql/apply-do-block.js';
import { nodeAs } from '../sources/postgresql-sql/parse-tree.js';
import { applyStatement } from '../sources/postgresql-sql/apply-statement.js';
import { blankPsqlMetaCommands } from '../sources/postgresql-sql/psql-meta-commands.js';
import { resolveModel } from '../sources/postgresql-sql/resolve-model.js';
import { SchemaBuilder } from '../sources/postgresql-sql/schema-builder.js';
import { SqlText } from '../sources/postgresql-sql/sql-text.js';
import { StatementLines } from '../sources/postgresql-sql/statement-lines.js';
import { lintStatement, type LintSchema, type LintState } from './statement-lints.js';
import { STATEMENT_LINT_RULES } from './statement-lint-rules.js';
import { suppressionsIn } from './suppressions.js';
import { touchedObjects } from './touched-objects.js';

/** `public.audit_stamp` and `audit_stamp` are the same function when the schema is left to search_path. */
function sameFunction(a: string, b: string): boolean {
  const bare = (name: string) => name.replace(/^(public|"public")\./, '');
  return bare(a) === bare(b);
}

interface ParserError extends Error {
  sqlDetails?: { cursorPosition?: number };
}

/**
 * `check --before schema.sql --migration 0042.sql`: the migration file's statements applied, one
 * by one and in order, to the before schema, as PostgreSQL would run them. Each statement keeps
 * its line and the objects it touched (to trace the final changes to it). Its lints (locks, scans,
 * CONCURRENTLY in a transaction, re-runnability) and the `migration-architect-ignore` comments
 * written just before it go to core (`lints`, `acceptances`), which classifies and applies them.
 */
export async function applyMigrationFile(before: SchemaRead<DatabaseSchema>, input: SchemaInputHandle): Promise<SchemaRead<DatabaseSchema>> {
  const text = blankPsqlMetaCommands(await input.text());
  const source = new SqlText(text);
  const lines = new StatementLines(text);
  const { parse } = await import('libpg-query');
  let tree: Awaited<ReturnType<typeof parse>>;
  try {
    tree = await parse(text);
  } catch (error) {
    const details = (error as ParserError).sqlDetails;
    const line = details?.cursorPosition !== undefined ? lines.lineAt(source.char(details.cursorPosition)) : undefined;
    throw new InputDataError(`PostgreSQL cannot parse this migration: ${(error as Error).message}`, { file: input.name, line });
  }
  const { migration: _previous, ...start } = structuredClone(before.model);
  // Renames the before file made are history: only the migration's own RENAMEs are reported.
  for (const table of start.tables) {
    delete table.renamedFrom;
    for (const column of table.columns) delete column.renamedFrom;
  }
  const builder = new SchemaBuilder(source, lines, start);
  const state: LintState = { inTransaction: false, lockTimeoutSet: false, createdTables: new Set(), droppedConstraints: new Set() };
  const statements: MigrationStatement[] = [];
  const lints: LintFinding[] = [];
  const acceptances: InlineAcceptance[] = [];
  const schemaForLints: LintSchema = {
    triggerTablesOf: (fn) => builder.model.triggers.filter((t) => sameFunction(t.function, fn)).map((t) => t.table),
    indexTableOf: (index) => {
      // An index lives in its table's schema; a key or unique constraint owns an index of its name.
      const owner = builder.model.tables.find((t) =>
        [...t.indexes.map((i) => i.name), ...t.uniques.map((u) => u.name), t.primaryKey?.name].some((n) => n && objectKey(t.schema, n) === index),
      );
      return owner ? objectKey(owner.schema, owner.name) : null;
    },
  };
  let previousEnd = 0;
  for (const raw of tree.stmts ?? []) {
    if (!raw.stmt) continue;
    const offset = raw.stmt_location ?? 0;
    builder.statementOffset = offset;
    builder.statementLine = lines.statementLine(source.char(offset));
    // Comments between the previous statement and this one's first line carry its suppressions.
    const triviaStart = source.char(previousEnd);
    const firstLineStart = lines.lineStart(builder.statementLine);
    const trivia = text.slice(triviaStart, Math.max(triviaStart, firstLineStart));
    const statementText = builder.statementText(raw.stmt_len).trim();
    const statement: MigrationStatement = {
      line: builder.statementLine,
      text:
        statementText
          .split('\n')
          .find((l) => l.trim() && !l.trim().startsWith('--'))
          ?.trim() ?? statementText,
      touches: touchedObjects(raw.stmt),
    };
    statements.push(statement);
    const at = { line: statement.line, file: input.name };
    const path = formatPath(['statements', String(statement.line)]);
    for (const { kind, message, table, work, lock } of lintStatement(raw.stmt, state, schemaForLints)) {
      // The locked table and the work under the lock travel with the finding, for sizing it (`--stats`).
      const details = { statement, message, ...(table && work && lock ? { table, work, lock } : {}) };
      lints.push({ rule: STATEMENT_LINT_RULES[kind], path, subject: statement.text, location: at, details });
    }
    for (const directive of suppressionsIn(trivia, lines.lineAt(triviaStart))) {
      for (const code of directive.codes) {
        const writtenAt = { file: input.name, line: directive.line };
        // A comment that accepts nothing is stale or misplaced: reported as DB699 (unused-suppression).
        const unmatched: LintFinding = {
          rule: 'unused-suppression',
          path: formatPath(['statements', String(statement.line), 'suppressions']),
          subject: statement.text,
          location: writtenAt,
          details: { statement, codes: [code], line: directive.line },
        };
        acceptances.push({ rule: code, location: at, writtenAt, reason: directive.reason || 'inline migration-architect-ignore', unmatched });
      }
    }
    const block = nodeAs(raw.stmt, 'DoStmt');
    if (block) await applyDoBlock(builder, block);
    else applyStatement(builder, raw.stmt, raw.stmt_len);
    previousEnd = offset + (raw.stmt_len ?? 0);
  }
  const model = resolveModel(builder.model);
  model.migration = { file: input.name, statements };
  return { model, dialect: before.dialect, warnings: notComparedWarnings(model), lints, acceptances };
}
