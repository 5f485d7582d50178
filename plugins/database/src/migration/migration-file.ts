import { InputDataError, type SchemaInputHandle, type SchemaRead } from '@migration-architect/core';
import type { DatabaseSchema, MigrationStatement } from '../schema/model.js';
import { notComparedWarnings } from '../schema/not-compared.js';
import { applyStatement } from '../sources/postgresql-sql/apply-statement.js';
import { blankPsqlMetaCommands } from '../sources/postgresql-sql/psql-meta-commands.js';
import { resolveModel } from '../sources/postgresql-sql/resolve-model.js';
import { SchemaBuilder } from '../sources/postgresql-sql/schema-builder.js';
import { SqlText } from '../sources/postgresql-sql/sql-text.js';
import { StatementLines } from '../sources/postgresql-sql/statement-lines.js';
import { lintStatement, type LintSchema, type LintState } from './statement-lints.js';
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
 * its line, the objects it touched (to trace the final changes to it), its lints (locks, scans,
 * CONCURRENTLY in a transaction, re-runnability) and the suppressions written just before it.
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
  const schemaForLints: LintSchema = {
    triggerTablesOf: (fn) => builder.model.triggers.filter((t) => sameFunction(t.function, fn)).map((t) => t.table),
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
    statements.push({
      line: builder.statementLine,
      text:
        statementText
          .split('\n')
          .find((l) => l.trim() && !l.trim().startsWith('--'))
          ?.trim() ?? statementText,
      touches: touchedObjects(raw.stmt),
      lints: lintStatement(raw.stmt, state, schemaForLints),
      suppressions: suppressionsIn(trivia, lines.lineAt(triviaStart)),
    });
    applyStatement(builder, raw.stmt, raw.stmt_len);
    previousEnd = offset + (raw.stmt_len ?? 0);
  }
  const model = resolveModel(builder.model);
  model.migration = { file: input.name, statements };
  return { model, dialect: before.dialect, warnings: notComparedWarnings(model) };
}
