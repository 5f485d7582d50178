import { defineSource, InputDataError } from '@migration-architect/core';
import type { DatabaseSchema } from '../../schema/model.js';
import { notComparedWarnings } from '../../schema/not-compared.js';
import { SQLITE_SQL_FILE } from '../sqlite/sqlite-sql-source.js';
import { applyDoBlock } from './apply-do-block.js';
import { applyStatement } from './apply-statement.js';
import { blankPsqlMetaCommands } from './psql-meta-commands.js';
import { resolveModel } from './resolve-model.js';
import { SchemaBuilder } from './schema-builder.js';
import { parseStatements } from './parse-statements.js';
import { nodeAs } from './parse-tree.js';
import { SqlText } from './sql-text.js';
import { StatementLines } from './statement-lines.js';

interface ParserError extends Error {
  sqlDetails?: { cursorPosition?: number };
}

/**
 * Builds the model from PostgreSQL SQL text with PostgreSQL's own parser. A syntax error is an
 * InputDataError naming the file and the line the parser stopped at.
 */
export async function readPostgresqlSql(sql: string, file: string): Promise<DatabaseSchema> {
  const text = blankPsqlMetaCommands(sql);
  const lines = new StatementLines(text);
  const source = new SqlText(text);
  let statements: Awaited<ReturnType<typeof parseStatements>>;
  try {
    statements = await parseStatements(text, source);
  } catch (error) {
    const details = (error as ParserError).sqlDetails;
    const line = details?.cursorPosition !== undefined ? lines.lineAt(source.char(details.cursorPosition)) : undefined;
    throw new InputDataError(`PostgreSQL cannot parse this SQL: ${(error as Error).message}`, { file, line });
  }
  const builder = new SchemaBuilder(source, lines);
  for (const statement of statements) {
    builder.statementOffset = statement.offset;
    builder.statementLine = lines.statementLine(source.char(statement.offset));
    builder.nodeText = statement.nodeText;
    const block = nodeAs(statement.stmt, 'DoStmt');
    if (block) await applyDoBlock(builder, block);
    else applyStatement(builder, statement.stmt, statement.length);
  }
  // Temporary tables and functions made in pg_temp end with the session that ran the file.
  builder.model.tables = builder.model.tables.filter((table) => !builder.temporaryTables.has(table));
  builder.model.routines = builder.model.routines.filter((routine) => !/^pg_temp(_\d+)?$/i.test(routine.schema ?? ''));
  // SQL can say which extensions it needs: none written means none (the JSON format cannot say).
  builder.model.extensions ??= [];
  // Likewise for domains: a file that creates none has none.
  builder.model.domains ??= [];
  return resolveModel(builder.model);
}

const POSTGRESQL_SQL_FILE = /\.(sql|pgsql|psql)$/i;

export const postgresqlSqlSource = defineSource<DatabaseSchema>({
  id: 'postgresql-sql',
  checker: 'database',
  title: 'PostgreSQL SQL',
  description: 'A PostgreSQL schema as SQL: a `pg_dump --schema-only` output or any file of DDL, read with the PostgreSQL parser (libpg-query).',
  read: async (input) => {
    if (!input.fileName || !POSTGRESQL_SQL_FILE.test(input.fileName) || SQLITE_SQL_FILE.test(input.fileName)) return undefined;
    const model = await readPostgresqlSql(await input.text(), input.name);
    return { model, dialect: 'postgresql', warnings: notComparedWarnings(model) };
  },
});
